import type { ConsumerAsset } from "./location-graph";
import type { LocationVersion } from "./version-history";

// What to roll back to, and whom to tell. The target is the last known good
// version when the live one is not it; the other locations named are those
// whose assets read the location's assets (at any depth): the history stores
// a fingerprint per version, not each version's definitions, so every consumer
// is named, not only those of the assets that changed.

export interface RollbackPlan {
  /** The live version; null before anything was recorded. */
  live: LocationVersion | null;
  /** The version to roll back to; null when the live version is good or none was ever good. */
  target: LocationVersion | null;
  /** Whether the live version is not the last known good one. */
  needed: boolean;
  /** Locations whose assets depend on this one's, with the assets that do, sorted. */
  dependents: { location: string; assets: string[] }[];
}

/** `history` newest first, as versionHistory returns it. Pure. */
export function rollbackPlan(
  history: readonly LocationVersion[],
  consumers: readonly ConsumerAsset[],
): RollbackPlan {
  const live = history.find((v) => v.until === null) ?? null;
  const good = history.find((v) => v.lastKnownGood) ?? null;
  const needed = live !== null && !live.good;
  const byLocation = new Map<string, string[]>();
  for (const c of consumers)
    byLocation.set(c.location, [...(byLocation.get(c.location) ?? []), c.assetId]);
  return {
    live,
    target: needed && good !== live ? good : null,
    needed,
    dependents: [...byLocation.entries()]
      .map(([location, assets]) => ({ location, assets: [...assets].sort() }))
      .sort((a, b) => a.location.localeCompare(b.location)),
  };
}
