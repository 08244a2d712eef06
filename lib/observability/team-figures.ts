import type { TeamConfig } from "@/lib/config/config-schema";
import type { RunRecord } from "@/lib/domain/run-types";
import { HEALTH_STATES, isFailedRun, isStale, type OverallHealth } from "@/lib/metrics/definitions";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamAssets, teamConfigLocations, teamDefinitions } from "@/lib/teams/team-assets";
import { teamRuns } from "@/lib/teams/team-runs";

// Per team and code location: the team page's asset counts and its failed
// runs, grouped by where each asset (its shown definition) and each run live.
// Counted with the team page's own functions (teamAssets, teamRuns and the
// lib/metrics predicates), so the locations of a team sum to its page's KPIs.
// Pure; the snapshot-dependent part is built once per snapshot generation.

export interface TeamScope {
  team: string;
  deployment: string;
  location: string;
}

export interface ScopeAssetCounts extends TeamScope {
  /** Owned assets by overall health. */
  byHealth: Record<OverallHealth, number>;
  stale: number;
}

export interface TeamFigures {
  /** One row per team location: configured, holding team assets, or running team runs. */
  scopes: ScopeAssetCounts[];
  /** The team's failed runs (lib/metrics isFailedRun) with where and when they were created. */
  failedRuns: (TeamScope & { createdAt: number })[];
}

const scopeKey = (s: TeamScope) => JSON.stringify([s.team, s.deployment, s.location]);

function emptyRow(scope: TeamScope): ScopeAssetCounts {
  const byHealth = Object.fromEntries(HEALTH_STATES.map((h) => [h, 0])) as Record<
    OverallHealth,
    number
  >;
  return { ...scope, byHealth, stale: 0 };
}

export function teamFigures(
  snapshot: HealthSnapshot,
  teams: readonly Pick<TeamConfig, "slug" | "locations">[],
): TeamFigures {
  const rows = new Map<string, ScopeAssetCounts>();
  const row = (scope: TeamScope) => {
    const k = scopeKey(scope);
    let r = rows.get(k);
    if (!r) {
      r = emptyRow(scope);
      rows.set(k, r);
    }
    return r;
  };
  const failedRuns: TeamFigures["failedRuns"] = [];
  // Only failed runs are counted: attributing the rest to teams would be wasted work.
  const failed = snapshot.runs.filter(isFailedRun);
  for (const team of teams) {
    // Not another environment's: its rows would read zero from this snapshot.
    const configLocations = teamConfigLocations(snapshot, team);
    for (const l of configLocations) row({ team: team.slug, ...l });
    const assets = teamAssets(snapshot, team.slug);
    // Rows of this team by location, without building a key per asset (25,000 of them).
    const mine = new Map<string, ScopeAssetCounts>();
    for (const a of assets) {
      const k = `${a.def.deployment}\u0000${a.def.location}`;
      let r = mine.get(k);
      if (!r) {
        r = row({ team: team.slug, deployment: a.def.deployment, location: a.def.location });
        mine.set(k, r);
      }
      r.byHealth[a.health.overall]++;
      if (isStale(a.health)) r.stale++;
    }
    const runs: RunRecord[] = teamRuns(failed, {
      assets: teamDefinitions(assets), // a merged asset's runs in each deployment of its group
      configLocations,
    });
    for (const run of runs) {
      const scope = { team: team.slug, deployment: run.deployment, location: run.location };
      row(scope);
      failedRuns.push({ ...scope, createdAt: run.createdAt });
    }
  }
  const scopes = [...rows.values()].sort((a, b) => scopeKey(a).localeCompare(scopeKey(b)));
  return { scopes, failedRuns };
}

/**
 * Failed runs per scope created in the rolling window [now − spanMs, now)
 * (docs/health-model.md, Windows): the team page's "Failures" for that range.
 */
export function failedRunsInWindow(
  figures: TeamFigures,
  now: number,
  spanMs: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of figures.scopes) counts.set(scopeKey(s), 0);
  for (const r of figures.failedRuns) {
    if (r.createdAt < now - spanMs || r.createdAt >= now) continue;
    const k = scopeKey(r);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export { scopeKey };
