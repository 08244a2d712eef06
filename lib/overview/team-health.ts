import type { TeamConfig } from "@/lib/config/config-schema";
import { isWarning } from "@/lib/metrics/definitions";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { isDegraded, isStale, teamAssets } from "@/lib/teams/team-assets";

// A team tile's health. Every count comes from teamAssets and the predicates
// of lib/metrics, the same ones the team page counts with, so a tile and its
// team page always agree.

/** A code location that cannot serve its definitions now: it failed to load, or its deployment is unreachable. */
export interface FailingLocation {
  deployment: string;
  location: string;
  /** The location's load error, or the deployment's connection error. */
  error: string | null;
  /** Why it fails: the location itself, or the deployment it lives in. */
  cause: "location" | "deployment";
}

export interface TeamHealth {
  slug: string;
  name: string;
  assetCount: number;
  degraded: number;
  warning: number;
  stale: number;
  failingLocations: FailingLocation[];
}

/** What the overview knows of each deployment's reachability: its last refresh error, if any. */
export type DeploymentErrors = ReadonlyMap<string, string | null>;

/**
 * The failing locations among `locations`: a location whose status is
 * "failed", or any location of a deployment that cannot be reached.
 */
export function failingLocations(
  snapshot: HealthSnapshot,
  deploymentErrors: DeploymentErrors,
  locations: Iterable<{ deployment: string; location: string }>,
): FailingLocation[] {
  const out: FailingLocation[] = [];
  for (const { deployment, location } of locations) {
    const unreachable = deploymentErrors.get(deployment);
    if (unreachable) {
      out.push({ deployment, location, error: unreachable, cause: "deployment" });
      continue;
    }
    const loc = snapshot.locations.find((l) => l.deployment === deployment && l.name === location);
    if (loc?.status === "failed") {
      out.push({ deployment, location, error: loc.error?.message ?? null, cause: "location" });
    }
  }
  return out.sort(
    (a, b) => a.deployment.localeCompare(b.deployment) || a.location.localeCompare(b.location),
  );
}

/** A team's code locations: those its config lists, and those defining its assets. */
export function teamLocations(
  team: TeamConfig,
  assets: readonly { def: { deployment: string; location: string } }[],
): { deployment: string; location: string }[] {
  const all = new Map<string, { deployment: string; location: string }>();
  for (const l of team.locations) all.set(`${l.deployment}\u0000${l.location}`, l);
  for (const { def } of assets) {
    all.set(`${def.deployment}\u0000${def.location}`, {
      deployment: def.deployment,
      location: def.location,
    });
  }
  return [...all.values()];
}

export function teamHealth(
  snapshot: HealthSnapshot,
  team: TeamConfig,
  deploymentErrors: DeploymentErrors,
): TeamHealth {
  const assets = teamAssets(snapshot, team.slug);
  return {
    slug: team.slug,
    name: team.name,
    assetCount: assets.length,
    degraded: assets.filter(isDegraded).length,
    warning: assets.filter((a) => isWarning(a.health)).length,
    stale: assets.filter(isStale).length,
    failingLocations: failingLocations(snapshot, deploymentErrors, teamLocations(team, assets)),
  };
}

/**
 * The triage order of team tiles, worst first: more failing locations, then
 * more degraded assets, then more warnings, then more stale assets, then by
 * name. The one place this order is defined.
 */
export function byTriageOrder(a: TeamHealth, b: TeamHealth): number {
  return (
    b.failingLocations.length - a.failingLocations.length ||
    b.degraded - a.degraded ||
    b.warning - a.warning ||
    b.stale - a.stale ||
    a.name.localeCompare(b.name) ||
    a.slug.localeCompare(b.slug)
  );
}

/** The tile's colour: red when something fails, amber when something warns or is late, green otherwise. */
export type TileTone = "degraded" | "warning" | "healthy" | "empty";

export function tileTone(t: TeamHealth): TileTone {
  if (t.failingLocations.length > 0 || t.degraded > 0) return "degraded";
  if (t.warning > 0 || t.stale > 0) return "warning";
  return t.assetCount > 0 ? "healthy" : "empty";
}
