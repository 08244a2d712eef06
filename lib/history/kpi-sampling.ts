import { isHealthy } from "@/lib/metrics/definitions";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { isDegraded, isStale, teamAssets } from "@/lib/teams/team-assets";

// KPI samples are kept per (team, deployment, code location), so "vs previous"
// can sum exactly the scope the current view shows, whatever its location
// filter. Each sample also lists the deployments it covered: a deployment with
// no data yet is left out (its assets are unknown, not zero), and one that is
// unreachable still counts from its last good data, marked not live. Pure.

export interface KpiCounts {
  owned: number;
  healthy: number;
  stale: number;
  degraded: number;
}

export interface ScopeCounts extends KpiCounts {
  deployment: string;
  location: string;
}

export interface KpiScopeSample {
  team: string;
  at: number;
  /** Deployments whose data the sample counted; `live` false: its last good data. */
  deployments: { deployment: string; live: boolean }[];
  /** One row per deployment and location holding team assets. */
  rows: ScopeCounts[];
}

/**
 * The deployments whose assets are known: definitions fetched, statuses too if
 * it has assets. The alert engine reads it too (what it may resolve after a start).
 */
export function coveredDeployments(
  snapshot: HealthSnapshot,
): { deployment: string; live: boolean }[] {
  const withAssets = new Set<string>();
  for (const node of snapshot.graph.nodes.values())
    for (const d of node.definitions) withAssets.add(d.deployment);
  return snapshot.deployments
    .filter(
      (d) => d.locationsAsOf !== null && (d.statusesAsOf !== null || !withAssets.has(d.deployment)),
    )
    .map((d) => ({ deployment: d.deployment, live: d.errors.length === 0 }));
}

/** One sample per team at `at`; none for a team when no deployment is covered. */
export function sampleTeamKpis(
  snapshot: HealthSnapshot,
  teams: readonly string[],
  at: number,
): KpiScopeSample[] {
  const deployments = coveredDeployments(snapshot);
  if (deployments.length === 0) return [];
  const covered = new Set(deployments.map((d) => d.deployment));
  return teams.map((team) => {
    const rows = new Map<string, ScopeCounts>();
    for (const a of teamAssets(snapshot, team)) {
      if (!covered.has(a.def.deployment)) continue;
      const k = JSON.stringify([a.def.deployment, a.def.location]);
      const row = rows.get(k) ?? {
        deployment: a.def.deployment,
        location: a.def.location,
        owned: 0,
        healthy: 0,
        stale: 0,
        degraded: 0,
      };
      row.owned++;
      if (isHealthy(a.health)) row.healthy++;
      if (isStale(a)) row.stale++;
      if (isDegraded(a)) row.degraded++;
      rows.set(k, row);
    }
    return { team, at, deployments, rows: [...rows.values()] };
  });
}

/**
 * The sample's counts over a view's scope: the deployments it shows and an
 * optional location filter. Null (no comparison) when the sample did not
 * cover every deployment of the scope.
 */
export function countsForScope(
  sample: KpiScopeSample | null,
  scope: { deployments: readonly string[]; location?: string },
): KpiCounts | null {
  if (!sample) return null;
  const covered = new Set(sample.deployments.map((d) => d.deployment));
  if (scope.deployments.some((d) => !covered.has(d))) return null;
  const wanted = new Set(scope.deployments);
  const sum: KpiCounts = { owned: 0, healthy: 0, stale: 0, degraded: 0 };
  for (const r of sample.rows) {
    if (!wanted.has(r.deployment)) continue;
    if (scope.location && r.location !== scope.location) continue;
    sum.owned += r.owned;
    sum.healthy += r.healthy;
    sum.stale += r.stale;
    sum.degraded += r.degraded;
  }
  return sum;
}
