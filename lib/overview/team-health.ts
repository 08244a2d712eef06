import type { TeamConfig } from "@/lib/config/config-schema";
import { isWarning } from "@/lib/metrics/definitions";
import type { LocationOutage } from "@/lib/snapshot/location-outages";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamLocationProblems } from "@/lib/snapshot/team-location-problems";
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

/** The overview's words for one outage (lib/snapshot/location-outages.ts). */
export function toFailingLocation(o: LocationOutage): FailingLocation {
  return {
    deployment: o.deployment,
    // A deployment never reached: its locations are unknown.
    location: o.location ?? "(locations unknown)",
    error: o.error.message,
    cause: o.kind === "location-failed" ? "location" : "deployment",
  };
}

const byPlace = (a: FailingLocation, b: FailingLocation) =>
  a.deployment.localeCompare(b.deployment) || a.location.localeCompare(b.location);

/** Every outage of the snapshot, whoever owns it (a failing location hurts even when unowned). */
export function allFailingLocations(snapshot: HealthSnapshot): FailingLocation[] {
  return snapshot.outages.map(toFailingLocation).sort(byPlace);
}

export function teamHealth(snapshot: HealthSnapshot, team: TeamConfig): TeamHealth {
  const assets = teamAssets(snapshot, team.slug);
  return {
    slug: team.slug,
    name: team.name,
    assetCount: assets.length,
    degraded: assets.filter(isDegraded).length,
    warning: assets.filter((a) => isWarning(a.health)).length,
    stale: assets.filter(isStale).length,
    // The same outages the team page's banner names (one definition).
    failingLocations: teamLocationProblems(snapshot, team).map(toFailingLocation).sort(byPlace),
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
