import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { type RangeKey, timeWindow } from "@/lib/teams/time-range";
import { hopIndex } from "./consumption";
import { type LatencyReport, latencyReport } from "./latency-report";

/**
 * The measured cross-location chains through one asset (in every deployment
 * that defines it), for the lineage page's selected asset. From the snapshot only.
 */
export function assetLatency(
  snapshot: HealthSnapshot,
  id: string,
  range: RangeKey,
  now: number,
): LatencyReport | null {
  const node = snapshot.graph.nodes.get(id);
  if (!node) return null;
  const scope = new Map(node.definitions.map((d) => [d.deployment, new Set([id])]));
  return latencyReport(
    snapshot.graph,
    hopIndex(snapshot.graph, snapshot.materializations),
    snapshot.materializations,
    timeWindow(range, now),
    scope,
  );
}
