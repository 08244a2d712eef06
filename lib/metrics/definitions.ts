import type { FreshnessPolicy } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { RunStatus } from "@/lib/health/status-types";

// The one vocabulary of Healthboard's figures. Every surface (team KPIs, asset
// rows and filters, overview tiles, badges, lineage colours and filters,
// embeds, contracts, CSV, the JSON API) asks these predicates instead of
// comparing health strings itself, so "degraded" means one thing everywhere.
// docs/health-model.md states each definition in the same words.

/** An asset's overall health: Dagster's four states (NOT_APPLICABLE applies to components only). */
export type OverallHealth = AssetHealth["overall"];

/** Anything that carries an overall health: the full AssetHealth, or the overall state alone (rows, payloads). */
export type HealthLike = Pick<AssetHealth, "overall"> | OverallHealth;

/** The overall states, worst first: the order of every sort and legend. */
export const HEALTH_STATES = ["DEGRADED", "WARNING", "UNKNOWN", "HEALTHY"] as const;

/** Severity for sorting and worst-of aggregation: DEGRADED > WARNING > UNKNOWN > HEALTHY. */
export const SEVERITY: Record<OverallHealth, number> = {
  DEGRADED: 3,
  WARNING: 2,
  UNKNOWN: 1,
  HEALTHY: 0,
};

const overallOf = (h: HealthLike): OverallHealth => (typeof h === "string" ? h : h.overall);

/** Degraded: overall health DEGRADED (a failed materialization, an ERROR check, or freshness past its fail window). */
export const isDegraded = (h: HealthLike): boolean => overallOf(h) === "DEGRADED";

/** Warning: overall health WARNING (a WARN check failed, or freshness past its warn window), and nothing degraded. */
export const isWarning = (h: HealthLike): boolean => overallOf(h) === "WARNING";

/** Healthy: overall health HEALTHY (materialized, and no component warning or degraded). */
export const isHealthy = (h: HealthLike): boolean => overallOf(h) === "HEALTHY";

/** Unknown: overall health UNKNOWN (never materialized, or nothing known yet). */
export const isUnknown = (h: HealthLike): boolean => overallOf(h) === "UNKNOWN";

/** Unhealthy: overall health WARNING or DEGRADED (the "unhealthy" asset list, root causes, at-risk dependencies). */
export const isUnhealthy = (h: HealthLike): boolean => isDegraded(h) || isWarning(h);

/** Stale: the freshness component is WARNING or DEGRADED (a freshness policy's window is exceeded). */
export const isStale = (h: Pick<AssetHealth, "freshness">): boolean =>
  h.freshness === "WARNING" || h.freshness === "DEGRADED";

/** A failed run: status FAILURE only. CANCELED is not a failure (Dagster's asset_health counts FAILURE only). */
export const isFailedRun = (run: { status: RunStatus }): boolean => run.status === "FAILURE";

/** A succeeded run: status SUCCESS. Canceled and unfinished runs are neither succeeded nor failed. */
export const isSucceededRun = (run: { status: RunStatus }): boolean => run.status === "SUCCESS";

/** The most severe of some items by overall health (the first of equals); undefined for none. */
export function worstOf<T extends HealthLike>(items: Iterable<T>): T | undefined {
  let worst: T | undefined;
  for (const item of items) {
    if (worst === undefined || SEVERITY[overallOf(item)] > SEVERITY[overallOf(worst)]) worst = item;
  }
  return worst;
}

/** The worst of some overall health states (UNKNOWN for none). */
export function worstHealth(states: Iterable<OverallHealth>): OverallHealth {
  return worstOf(states) ?? "UNKNOWN";
}

/** Sort comparator: worse health first. */
export const byHealthWorstFirst = (a: HealthLike, b: HealthLike): number =>
  SEVERITY[overallOf(b)] - SEVERITY[overallOf(a)];

// Compute, latency, storage (docs/health-model.md, "Compute, latency, storage").

/** A run waiting to start: queued by the run coordinator or not started yet. */
export const isQueuedRun = (run: { status: RunStatus }): boolean =>
  run.status === "QUEUED" || run.status === "NOT_STARTED" || run.status === "STARTING";

/** A run executing now: STARTED, or CANCELING (it still holds its resources). */
export const isInProgressRun = (run: { status: RunStatus }): boolean =>
  run.status === "STARTED" || run.status === "CANCELING";

/** Step execution time: a step's end minus its start; null until it has both. */
export const stepExecutionMs = (step: {
  startedAt: number | null;
  endedAt: number | null;
}): number | null =>
  step.startedAt === null || step.endedAt === null
    ? null
    : Math.max(0, step.endedAt - step.startedAt);

/** Queue time: a run's start minus its creation; null for a run that never started. */
export const queueTimeMs = (run: { createdAt: number; startedAt: number | null }): number | null =>
  run.startedAt === null ? null : Math.max(0, run.startedAt - run.createdAt);

/**
 * How late an asset is against its freshness policy at `now`: past the warn
 * window while only WARNING, else past the fail window (time-window policies);
 * since its last materialization for a cron policy, which has no window to
 * subtract. Never materialized: infinitely late. The team page's overdue list
 * and the asset badge both say this figure.
 */
export function lateBy(
  policy: FreshnessPolicy,
  freshness: AssetHealth["freshness"],
  lastMaterializedAt: number | null,
  now: number,
): { lateMs: number; windowSeconds: number | null; warn: boolean } {
  const timed = policy.kind === "time-window" ? policy : null;
  const warn = freshness === "WARNING" && !!timed?.warnWindowSeconds;
  const windowSeconds = timed
    ? warn
      ? (timed.warnWindowSeconds as number)
      : timed.failWindowSeconds
    : null;
  const lateMs =
    lastMaterializedAt === null
      ? Number.POSITIVE_INFINITY
      : Math.max(0, now - lastMaterializedAt - (windowSeconds ?? 0) * 1000);
  return { lateMs, windowSeconds, warn };
}
