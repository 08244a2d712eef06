import type { MaterializationRecord } from "@/lib/domain/run-types";
import type { HealthStatus } from "@/lib/health/status-types";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import type { TeamAsset } from "./team-assets";
import type { TimeWindow } from "./time-range";

export interface OverdueAsset {
  id: string;
  key: string[];
  deployment: string;
  location: string;
  state: HealthStatus;
  lastMaterializedAt: number | null;
  /** The window the asset is judged against (fail window, or warn window when only warning). */
  windowSeconds: number | null;
  /** How far past that window it is; Infinity when never materialized. */
  lateMs: number;
}

export interface ConsumedAsset {
  id: string;
  key: string[];
  consumers: { team: string; assets: string[][] }[];
}

export interface FreshnessReport {
  /** Assets with a freshness policy, by Dagster's freshness verdict. */
  byState: Record<"HEALTHY" | "WARNING" | "DEGRADED" | "UNKNOWN", number>;
  withoutPolicy: number;
  overdue: OverdueAsset[];
  /** Share of hourly samples in the window at which each time-window asset was fresh; null without any. */
  passRate: number | null;
  consumedByOtherTeams: ConsumedAsset[];
}

const HOUR = 3_600_000;

/**
 * Fraction of hourly samples in [since, until) at which the asset's newest
 * materialization at or before the sample was within its fail window.
 */
export function freshnessSamples(
  history: readonly MaterializationRecord[],
  failWindowMs: number,
  since: number,
  until: number,
): { pass: number; total: number } {
  let pass = 0;
  let total = 0;
  let i = 0;
  let last: number | null = null;
  for (let t = since; t < until; t += HOUR) {
    while (i < history.length && (history[i] as MaterializationRecord).at <= t) {
      last = (history[i] as MaterializationRecord).at;
      i++;
    }
    total++;
    if (last !== null && t - last <= failWindowMs) pass++;
  }
  return { pass, total };
}

export function freshnessReport(
  assets: readonly TeamAsset[],
  team: string,
  graph: LineageGraph,
  historyOf: (a: TeamAsset) => readonly MaterializationRecord[],
  window: TimeWindow,
): FreshnessReport {
  const byState = { HEALTHY: 0, WARNING: 0, DEGRADED: 0, UNKNOWN: 0 };
  let withoutPolicy = 0;
  const overdue: OverdueAsset[] = [];
  let pass = 0;
  let total = 0;
  for (const a of assets) {
    const policy = a.def.freshnessPolicy;
    if (!policy) {
      withoutPolicy++;
      continue;
    }
    const state = a.health.freshness;
    if (state === "HEALTHY" || state === "WARNING" || state === "DEGRADED" || state === "UNKNOWN")
      byState[state]++;
    const windowSeconds =
      policy.kind === "time-window"
        ? state === "WARNING" && policy.warnWindowSeconds
          ? policy.warnWindowSeconds
          : policy.failWindowSeconds
        : null;
    if (state === "WARNING" || state === "DEGRADED") {
      const last = a.status?.lastMaterializedAt ?? null;
      const lateMs =
        last === null
          ? Number.POSITIVE_INFINITY
          : Math.max(0, window.until - last - (windowSeconds ?? 0) * 1000);
      overdue.push({
        id: a.node.id,
        key: a.node.key,
        deployment: a.def.deployment,
        location: a.def.location,
        state,
        lastMaterializedAt: last,
        windowSeconds,
        lateMs,
      });
    }
    if (policy.kind === "time-window") {
      const s = freshnessSamples(
        historyOf(a),
        policy.failWindowSeconds * 1000,
        window.since,
        window.until,
      );
      pass += s.pass;
      total += s.total;
    }
  }
  overdue.sort((x, y) => y.lateMs - x.lateMs);

  const consumedByOtherTeams: ConsumedAsset[] = [];
  const seen = new Set<string>(); // a key owned in two deployments is consumed once
  for (const a of assets) {
    if (seen.has(a.node.id)) continue;
    seen.add(a.node.id);
    const byTeam = new Map<string, string[][]>();
    for (const downId of graph.downstream.get(a.node.id) ?? []) {
      const down = graph.nodes.get(downId);
      if (!down || down.teams.includes(team) || down.isStub) continue;
      for (const t of down.teams.length > 0 ? down.teams : ["(no team)"])
        byTeam.set(t, [...(byTeam.get(t) ?? []), down.key]);
    }
    if (byTeam.size > 0) {
      consumedByOtherTeams.push({
        id: a.node.id,
        key: a.node.key,
        consumers: [...byTeam].map(([t, keys]) => ({ team: t, assets: keys })),
      });
    }
  }
  return {
    byState,
    withoutPolicy,
    overdue,
    passRate: total === 0 ? null : pass / total,
    consumedByOtherTeams,
  };
}
