import type { MaterializationRecord } from "@/lib/domain/run-types";
import { formatDuration } from "@/lib/format";
import type { HealthStatus } from "@/lib/health/status-types";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import { isStale, lateBy } from "@/lib/metrics/definitions";
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
  /**
   * Share of hourly samples in the window at which each time-window asset was
   * fresh, over the samples with data only; null when no sample has data.
   */
  passRate: number | null;
  /** Asset-time (ms, summed over time-window assets) with data, and without (excluded above). */
  coveredMs: number;
  noDataMs: number;
  /** The earliest sample with data among the team's time-window assets; null without any. */
  dataFrom: number | null;
  consumedByOtherTeams: ConsumedAsset[];
}

const HOUR = 3_600_000;

export interface FreshnessSamples {
  /** Samples at which the asset was fresh. */
  pass: number;
  /** Samples with data: the denominator of the pass rate. */
  total: number;
  /** Samples with no known materialization at or before them: neither pass nor fail. */
  noData: number;
  /** The first sample with data, or null. */
  firstCovered: number | null;
}

/**
 * Hourly samples at since, since + 1 h, … < until. A sample passes when the
 * asset's newest known materialization at or before it is within the fail
 * window. Before the first known materialization (the asset's first ever, the
 * start of the history Healthboard holds, or the oldest event of a truncated
 * history, whichever is later) there is nothing to judge: "no data".
 * `known` is sorted by time.
 */
export function freshnessSamples(
  known: readonly MaterializationRecord[],
  failWindowMs: number,
  since: number,
  until: number,
): FreshnessSamples {
  let pass = 0;
  let total = 0;
  let noData = 0;
  let firstCovered: number | null = null;
  let i = 0;
  let last: number | null = null;
  for (let t = since; t < until; t += HOUR) {
    while (i < known.length && (known[i] as MaterializationRecord).at <= t) {
      last = (known[i] as MaterializationRecord).at;
      i++;
    }
    if (last === null) {
      noData++;
      continue;
    }
    firstCovered ??= t;
    total++;
    if (t - last <= failWindowMs) pass++;
  }
  return { pass, total, noData, firstCovered };
}

/** The held history plus the status's latest materialization, which may be newer or older. */
function knownMaterializations(
  history: readonly MaterializationRecord[],
  lastMaterializedAt: number | null | undefined,
): readonly MaterializationRecord[] {
  if (lastMaterializedAt == null || history.some((m) => m.at === lastMaterializedAt))
    return history;
  return [...history, { at: lastMaterializedAt, runId: "" }].sort((x, y) => x.at - y.at);
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
  let noData = 0;
  let dataFrom: number | null = null;
  for (const a of assets) {
    const policy = a.def.freshnessPolicy;
    if (!policy) {
      withoutPolicy++;
      continue;
    }
    const state = a.health.freshness;
    if (state === "HEALTHY" || state === "WARNING" || state === "DEGRADED" || state === "UNKNOWN")
      byState[state]++;
    if (isStale(a.health)) {
      const last = a.status?.lastMaterializedAt ?? null;
      const { lateMs, windowSeconds } = lateBy(policy, state, last, window.until);
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
        knownMaterializations(historyOf(a), a.status?.lastMaterializedAt),
        policy.failWindowSeconds * 1000,
        window.since,
        window.until,
      );
      pass += s.pass;
      total += s.total;
      noData += s.noData;
      if (s.firstCovered !== null && (dataFrom === null || s.firstCovered < dataFrom))
        dataFrom = s.firstCovered;
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
    coveredMs: total * HOUR,
    noDataMs: noData * HOUR,
    dataFrom,
    consumedByOtherTeams,
  };
}

/**
 * What the pass rate leaves out, for the panel: the stretch at the window's
 * start with no data for any asset, else the asset-time without data.
 */
export function coverageNote(
  f: Pick<FreshnessReport, "coveredMs" | "noDataMs" | "dataFrom">,
  w: TimeWindow,
): string | null {
  if (f.noDataMs === 0) return null;
  if (f.dataFrom === null) return "no data in this window";
  if (f.dataFrom > w.since) return `no data for the first ${formatDuration(f.dataFrom - w.since)}`;
  return `excludes ${formatDuration(f.noDataMs)} of asset time with no data`;
}
