import type { DeploymentConfig } from "@/lib/config/config-schema";
import type { CodeLocationSnapshot, LocationStatus } from "@/lib/domain/types";
import { type AssetDiff, diffAssets } from "./asset-diff";
import { environmentNames } from "./environments";

// The comparison view's model: each code location across environments, with
// its version, load status and asset diff against the base environment.
// Joined by location name; each (deployment, location) is its own entry, so two
// prod deployments (regions) show side by side. Pure.

type Deployment = Pick<DeploymentConfig, "name" | "environment">;

export interface LocationEntry {
  deployment: string;
  environment: string;
  status: LocationStatus;
  /** Commit or image tag where the location shows one, else a short fingerprint. */
  version: string | null;
  fingerprint: string | null;
  error: string | null;
  /** Against the base entry; null for the base itself, without a base, or while this entry does not load. */
  diff: AssetDiff | null;
}

export interface LocationComparison {
  location: string;
  /** The deployment the others are compared with: the first in the base environment holding the location. */
  baseDeployment: string | null;
  entries: LocationEntry[];
}

export interface EnvironmentComparison {
  base: string;
  environments: string[];
  locations: LocationComparison[];
}

/** A location whose definitions can be compared: loaded now, not shown from its last good load. */
export function comparable(loc: CodeLocationSnapshot): boolean {
  return loc.status === "loaded" && !loc.down;
}

/** Each deployment's locations by name; deployments the config does not list are left out. */
function entriesByLocation(
  locations: readonly CodeLocationSnapshot[],
  deployments: readonly Deployment[],
): Map<string, CodeLocationSnapshot[]> {
  const order = new Map(deployments.map((d, i) => [d.name, i]));
  const byName = new Map<string, CodeLocationSnapshot[]>();
  for (const loc of locations) {
    if (!order.has(loc.deployment)) continue;
    byName.set(loc.name, [...(byName.get(loc.name) ?? []), loc]);
  }
  for (const list of byName.values())
    list.sort((a, b) => (order.get(a.deployment) ?? 0) - (order.get(b.deployment) ?? 0));
  return byName;
}

export function compareEnvironments(
  locations: readonly CodeLocationSnapshot[],
  deployments: readonly Deployment[],
  base: string,
): EnvironmentComparison {
  const environments = environmentNames(deployments);
  const envOf = new Map(deployments.map((d) => [d.name, d.environment]));
  const rank = (d: string) => environments.indexOf(envOf.get(d) ?? "");
  const result: LocationComparison[] = [];
  for (const [name, locs] of entriesByLocation(locations, deployments)) {
    const baseLoc = locs.find((l) => envOf.get(l.deployment) === base) ?? null;
    const entries = [...locs]
      .sort((a, b) => rank(a.deployment) - rank(b.deployment))
      .map(
        (loc): LocationEntry => ({
          deployment: loc.deployment,
          environment: envOf.get(loc.deployment) as string,
          status: loc.status,
          version: loc.version ?? null,
          fingerprint: loc.fingerprint ?? null,
          error: loc.error?.message ?? null,
          diff:
            baseLoc && loc !== baseLoc && comparable(loc) && comparable(baseLoc)
              ? diffAssets(baseLoc.assets, loc.assets)
              : null,
        }),
      );
    result.push({ location: name, baseDeployment: baseLoc?.deployment ?? null, entries });
  }
  result.sort((a, b) => a.location.localeCompare(b.location));
  return { base, environments, locations: result };
}
