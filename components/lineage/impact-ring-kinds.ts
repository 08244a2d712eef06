import { type DecodedGraph, impactOf } from "@/lib/lineage/graph-view";
import type { RingKind } from "./graph-palette";

/** Which nodes the canvas rings for one asset: its blast radius and its failed root causes (warnings get no ring). */
export function impactRingKinds(g: DecodedGraph, node: number | null): Map<number, RingKind> {
  const ring = new Map<number, RingKind>();
  if (node === null) return ring;
  const { blast, roots } = impactOf(g, node);
  for (const i of blast.assets) ring.set(i, "blast");
  for (const i of roots.failed) ring.set(i, "root");
  return ring;
}
