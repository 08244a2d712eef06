import type { AssetDefinition } from "@/lib/domain/types";
import { dependenciesOf, partitionsOf } from "@/lib/environments/asset-diff";

// What promoting a candidate does to one asset other teams read. Only what
// breaks a reader counts: a changed code version or freshness policy does not.

export type BreakKind = "removed" | "renamed" | "repartitioned" | "not-materializable";

export interface FoundBreak {
  kind: BreakKind;
  renamedTo: string[] | null;
  partitions: { before: string | null; after: string | null } | null;
}

/**
 * A key gone from the candidate reads as renamed when exactly one key new in
 * the candidate has the same upstream (and, among several, the same group);
 * otherwise as removed.
 */
function renamedTo(
  gone: AssetDefinition,
  base: readonly AssetDefinition[],
  head: readonly AssetDefinition[],
): string[] | null {
  const before = new Set(base.map((d) => d.id));
  const deps = dependenciesOf(gone);
  const fresh = head.filter((d) => !before.has(d.id) && dependenciesOf(d) === deps);
  const pick = fresh.length === 1 ? fresh : fresh.filter((d) => d.group === gone.group);
  return pick.length === 1 ? (pick[0] as AssetDefinition).key : null;
}

/** How promoting `head` would break readers of `def`; null when it would not. */
export function findBreak(
  def: AssetDefinition,
  base: readonly AssetDefinition[],
  head: readonly AssetDefinition[],
): FoundBreak | null {
  const next = head.find((d) => d.id === def.id);
  if (!next) {
    const to = renamedTo(def, base, head);
    return { kind: to ? "renamed" : "removed", renamedTo: to, partitions: null };
  }
  const [before, after] = [partitionsOf(def), partitionsOf(next)];
  if (before !== after)
    return { kind: "repartitioned", renamedTo: null, partitions: { before, after } };
  if (def.isMaterializable && !next.isMaterializable)
    return { kind: "not-materializable", renamedTo: null, partitions: null };
  return null;
}
