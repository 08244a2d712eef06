import type { HealthboardConfig } from "@/lib/config/config-schema";
import type { DeploymentSnapshot, LocationStatus } from "@/lib/domain/types";
import type { DeploymentFreshness, HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { BlastIndex, type FailingNow, failingNow } from "./failing-now";
import {
  allFailingLocations,
  byTriageOrder,
  type FailingLocation,
  type TeamHealth,
  teamHealth,
} from "./team-health";

// The overview page's data: compact, serialisable, built from snapshots only.

export interface OverviewLocation {
  name: string;
  status: LocationStatus;
  error: string | null;
  versionKey: string;
  /** The code version (commit, image tag or short fingerprint); null when the location never loaded. */
  version: string | null;
  updatedAt: number;
  assetCount: number;
  dagsterUrl: string | null;
}

export interface OverviewDeployment {
  name: string;
  kind: "oss" | "plus";
  dagsterUrl: string | null;
  /**
   * How old the data shown is: the oldest of its locations, asset statuses and
   * runs as last fetched (null when none was ever fetched).
   */
  asOf: number | null;
  error: string | null;
  locations: OverviewLocation[];
}

/** A team tile: its health, counted as its team page counts. */
export type OverviewTeam = TeamHealth;

export interface Overview {
  deployments: OverviewDeployment[];
  /** Worst first (byTriageOrder). */
  teams: OverviewTeam[];
  failingNow: FailingNow & {
    /** Team slug to display name, for the list's team column. */
    teamNames: Record<string, string>;
  };
}

/** Failed first, then loading, then loaded; by name within each. */
const LOCATION_ORDER: Record<LocationStatus, number> = { failed: 0, loading: 1, loaded: 2 };

export function locationUrl(uiUrl: string | undefined, location: string): string | null {
  return uiUrl ? `${uiUrl}/locations/${encodeURIComponent(location)}/assets` : null;
}

/** The oldest part of a deployment's data; null when no part was ever fetched. */
function dataAsOf(f: DeploymentFreshness | undefined): number | null {
  const parts = [f?.locationsAsOf, f?.statusesAsOf, f?.runsAsOf].filter(
    (t): t is number => typeof t === "number",
  );
  return parts.length ? Math.min(...parts) : null;
}

/** Each configured deployment with its locations (failing first) and the age of its data. */
export function overviewDeployments(
  config: HealthboardConfig,
  snapshots: DeploymentSnapshot[],
  health: HealthSnapshot,
): OverviewDeployment[] {
  const byName = new Map(snapshots.map((s) => [s.deployment, s]));

  return config.deployments.map((d): OverviewDeployment => {
    const snap = byName.get(d.name);
    const sorted = [...(snap?.locations ?? [])].sort(
      (a, b) => LOCATION_ORDER[a.status] - LOCATION_ORDER[b.status] || a.name.localeCompare(b.name),
    );
    const locations = sorted.map((loc): OverviewLocation => {
      return {
        name: loc.name,
        status: loc.status,
        error: loc.error?.message ?? null,
        versionKey: loc.versionKey,
        version: loc.version ?? null,
        updatedAt: loc.updatedAt,
        assetCount: loc.assets.length,
        dagsterUrl: locationUrl(d.uiUrl, loc.name),
      };
    });
    return {
      name: d.name,
      kind: d.kind,
      dagsterUrl: d.uiUrl ?? null,
      asOf: dataAsOf(health.deployments.find((f) => f.deployment === d.name)) ?? snap?.asOf ?? null,
      error: snap?.error ?? null,
      locations,
    };
  });
}

/**
 * The overview. Team tiles count with teamAssets, the function team pages
 * count with, so a tile and its team page always agree. `blast` is the
 * snapshot's blast-radius index (cached per generation by the caller).
 */
export function buildOverview(
  config: HealthboardConfig,
  snapshots: DeploymentSnapshot[],
  health: HealthSnapshot,
  blast: BlastIndex = new BlastIndex(health.graph),
): Overview {
  const deployments = overviewDeployments(config, snapshots, health);

  const teams = config.teams.map((t) => teamHealth(health, t)).sort(byTriageOrder);
  // Every failing location once, with each team it belongs to, unowned ones too.
  const byLocation = new Map<string, FailingLocation & { teams: string[] }>();
  for (const f of allFailingLocations(health))
    byLocation.set(`${f.deployment}\u0000${f.location}`, { ...f, teams: [] });
  for (const t of teams) {
    for (const f of t.failingLocations) {
      const k = `${f.deployment}\u0000${f.location}`;
      const entry = byLocation.get(k) ?? { ...f, teams: [] };
      entry.teams.push(t.slug);
      byLocation.set(k, entry);
    }
  }
  const failing = failingNow(health, config.teams, [...byLocation.values()], blast);
  return {
    deployments,
    teams,
    failingNow: {
      ...failing,
      teamNames: Object.fromEntries(config.teams.map((t) => [t.slug, t.name])),
    },
  };
}
