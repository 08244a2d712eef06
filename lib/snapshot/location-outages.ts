import type { DeploymentSnapshot } from "@/lib/domain/types";

// Code locations whose assets are shown from their last known data: the
// location fails to load, or its deployment cannot be reached. Pure.

export type OutageKind = "location-failed" | "deployment-unreachable";

export interface LocationOutage {
  deployment: string;
  /** Null only for a deployment never reached, whose locations are unknown. */
  location: string | null;
  kind: OutageKind;
  /** The location's load error (user's exception first), or why the deployment is unreachable. */
  error: { message: string; className: string | null };
  /** The first failed observation (epoch ms); null when not known. */
  since: number | null;
  /** When the assets shown were last fetched; null when none are known. */
  assetsAsOf: number | null;
  /** How many last known assets the location still shows. */
  assetCount: number;
}

/** Every outage among the deployments' collected data, unreachable deployments first. */
export function locationOutages(
  inputs: readonly { deployment: string; locations: DeploymentSnapshot }[],
): LocationOutage[] {
  const out: LocationOutage[] = [];
  for (const { deployment, locations: snap } of inputs) {
    if (snap.error === null) continue;
    const base = {
      deployment,
      kind: "deployment-unreachable" as const,
      error: { message: snap.error, className: null },
      since: snap.errorSince ?? null,
    };
    if (snap.locations.length === 0)
      out.push({ ...base, location: null, assetsAsOf: null, assetCount: 0 });
    for (const loc of snap.locations) {
      out.push({
        ...base,
        location: loc.name,
        // A location already down before the deployment went away shows older definitions.
        assetsAsOf: loc.down ? loc.down.assetsAsOf : snap.asOf,
        assetCount: loc.assets.length,
      });
    }
  }
  for (const { deployment, locations: snap } of inputs) {
    if (snap.error !== null) continue;
    for (const loc of snap.locations) {
      // The load status decides; `down` (kept by the collector) adds since when.
      if (loc.status !== "failed") continue;
      out.push({
        deployment,
        location: loc.name,
        kind: "location-failed",
        error: loc.error ?? { message: "failed to load", className: null },
        since: loc.down?.since ?? null,
        assetsAsOf: loc.down?.assetsAsOf ?? null,
        assetCount: loc.assets.length,
      });
    }
  }
  return out;
}

const outageKey = (deployment: string, location: string | null) =>
  `${deployment}\u0000${location ?? ""}`;

/** Looks up the outage of a definition's location: O(1) per asset, for 25k-asset loops. */
export function outageLookup(
  outages: readonly LocationOutage[],
): (deployment: string, location: string) => LocationOutage | null {
  const byLocation = new Map(outages.map((o) => [outageKey(o.deployment, o.location), o]));
  return (deployment, location) =>
    byLocation.get(outageKey(deployment, location)) ??
    byLocation.get(outageKey(deployment, null)) ??
    null;
}
