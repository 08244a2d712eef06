import type { HealthboardConfig } from "@/lib/config/config-schema";
import type { DeploymentSnapshot, LocationStatus } from "@/lib/domain/types";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamAssets } from "@/lib/teams/team-assets";

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
  asOf: number | null;
  error: string | null;
  locations: OverviewLocation[];
}

export interface OverviewTeam {
  slug: string;
  name: string;
  assetCount: number;
}

export interface Overview {
  deployments: OverviewDeployment[];
  teams: OverviewTeam[];
}

export function locationUrl(uiUrl: string | undefined, location: string): string | null {
  return uiUrl ? `${uiUrl}/locations/${encodeURIComponent(location)}/assets` : null;
}

/**
 * The overview. Team tiles count with teamAssets, the function team pages
 * count with, so a tile and its team page always agree.
 */
export function buildOverview(
  config: HealthboardConfig,
  snapshots: DeploymentSnapshot[],
  health: HealthSnapshot,
): Overview {
  const byName = new Map(snapshots.map((s) => [s.deployment, s]));

  const deployments = config.deployments.map((d): OverviewDeployment => {
    const snap = byName.get(d.name);
    const locations = (snap?.locations ?? []).map((loc): OverviewLocation => {
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
      asOf: snap?.asOf ?? null,
      error: snap?.error ?? null,
      locations,
    };
  });

  const teams = config.teams.map((t) => ({
    slug: t.slug,
    name: t.name,
    assetCount: teamAssets(health, t.slug).length,
  }));
  return { deployments, teams };
}
