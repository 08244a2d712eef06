import { assetId } from "@/lib/domain/types";
import { diffAssets } from "@/lib/environments/asset-diff";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import type { VersionAsset } from "./deploy-types";
import { type ConsumerAsset, consumersOfAssets, type LocationRef } from "./location-graph";
import type { LocationVersion } from "./version-history";

// What to roll back to, and whom to tell. The target is the last known good
// version when the live one is not it. Whom to tell: the other locations whose
// assets read (at any depth) the assets that differ between the target and the
// live version (lib/environments/asset-diff.ts on each version's kept
// definitions, record-deploys.ts). Where either version's definitions were
// never kept (history older than them, a live version that failed to load) or
// there is no target, every consumer is named, and the plan says so.

export interface RollbackDependent {
  location: string;
  /** Its assets that read the changed ones, at any depth, sorted. */
  assets: string[];
  /** The changed assets they read ("changed" basis); empty on the "all" basis. */
  via: string[];
}

export interface RollbackPlan {
  /** The live version; null before anything was recorded. */
  live: LocationVersion | null;
  /** The version to roll back to; null when the live version is good or none was ever good. */
  target: LocationVersion | null;
  /** Whether the live version is not the last known good one. */
  needed: boolean;
  /**
   * How `dependents` were chosen: `changed` = readers of the assets that differ
   * between target and live; `all` = every location reading this one's assets.
   */
  basis: "changed" | "all";
  /** Asset ids added, removed or changed between target and live (`changed` basis), sorted. */
  changedAssets: string[];
  /** Locations to tell, with the assets that depend, sorted by location. */
  dependents: RollbackDependent[];
}

function byLocation(consumers: readonly ConsumerAsset[], via: (c: ConsumerAsset) => string[]) {
  const out = new Map<string, { assets: Set<string>; via: Set<string> }>();
  for (const c of consumers) {
    const entry = out.get(c.location) ?? { assets: new Set(), via: new Set() };
    entry.assets.add(c.assetId);
    for (const v of via(c)) entry.via.add(v);
    out.set(c.location, entry);
  }
  return [...out.entries()]
    .map(([location, e]) => ({ location, assets: [...e.assets].sort(), via: [...e.via].sort() }))
    .sort((a, b) => a.location.localeCompare(b.location));
}

/** `history` newest first, as versionHistory returns it; every consumer named. Pure. */
export function rollbackPlan(
  history: readonly LocationVersion[],
  consumers: readonly ConsumerAsset[],
): RollbackPlan {
  const live = history.find((v) => v.until === null) ?? null;
  const good = history.find((v) => v.lastKnownGood) ?? null;
  const needed = live !== null && !live.good;
  return {
    live,
    target: needed && good !== live ? good : null,
    needed,
    basis: "all",
    changedAssets: [],
    dependents: byLocation(consumers, () => []),
  };
}

/**
 * The plan with only the readers of what changed between the target's and the
 * live version's definitions. Pure.
 */
export function narrowToChanged(
  plan: RollbackPlan,
  graph: LineageGraph,
  at: LocationRef,
  definitions: { target: readonly VersionAsset[]; live: readonly VersionAsset[] },
): RollbackPlan {
  const diff = diffAssets(definitions.target, definitions.live);
  const changed = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.key)]
    .map(assetId)
    .sort();
  const via = new Map<string, string[]>();
  for (const id of changed)
    for (const c of consumersOfAssets(graph, at, [id])) {
      const key = `${c.location}\u0000${c.assetId}`;
      via.set(key, [...(via.get(key) ?? []), id]);
    }
  const readers = consumersOfAssets(graph, at, changed);
  return {
    ...plan,
    basis: "changed",
    changedAssets: changed,
    dependents: byLocation(readers, (c) => via.get(`${c.location}\u0000${c.assetId}`) ?? []),
  };
}
