import type { RunRecord } from "@/lib/domain/run-types";
import {
  isInProgressRun,
  isQueuedRun,
  queueTimeMs,
  stepExecutionMs,
} from "@/lib/metrics/definitions";
import { percentile } from "@/lib/teams/execution-times";
import { bucketOf, bucketSpan, buckets, type TimeWindow } from "@/lib/teams/time-range";

// Compute of a set of runs (a team page gives its team's runs) over a window:
// step execution time summed per code location and bucket, runs in progress
// and queued over time, queue time, and the longest steps. Every figure comes
// from Dagster's run list with step stats (one request per location and
// refresh, never per viewer); `source` says so on every panel and CSV. On
// Dagster+, insights-compute.ts puts Insights figures in where they exist.

export const COMPUTE_SOURCE = "runs read by Healthboard (Dagster run step stats)";
export const INSIGHTS_SOURCE = "Dagster+ Insights";
const LONGEST_STEPS = 10;

export interface ComputeLocationRow {
  deployment: string;
  location: string;
  /** Step execution time of steps that ended in the window, summed (seconds); Insights execution time when `source` says so. */
  stepSeconds: number;
  /** Where stepSeconds and credits come from (runs, queue and concurrency always come from runs). */
  source: string;
  /** Dagster+ credits of the team's assets here; null without Insights credits. */
  credits: number | null;
  /** The whole location's jobs per Insights (every team's), seconds and credits; null without Insights. */
  locationSeconds: number | null;
  locationCredits: number | null;
  steps: number;
  /** Runs created in the window. */
  runs: number;
  queueP50Ms: number | null;
  queueP95Ms: number | null;
  /** Runs in progress and queued at the window's end (now). */
  inProgress: number;
  queued: number;
}

export interface ComputeBucket {
  bucket: number;
  location: string;
  stepSeconds: number;
  credits: number | null;
  source: string;
}

/** Average number of runs in progress / queued over the part of a bucket inside the window. */
export interface ConcurrencyPoint {
  bucket: number;
  inProgress: number;
  queued: number;
  hasData: boolean;
}

export interface LongestStep {
  runId: string;
  job: string;
  deployment: string;
  location: string;
  stepKey: string;
  endedAt: number;
  durationMs: number;
}

export interface ComputeReport {
  source: string;
  locations: ComputeLocationRow[];
  buckets: ComputeBucket[];
  concurrency: ConcurrencyPoint[];
  longestSteps: LongestStep[];
  totalStepSeconds: number;
  /** Sum of the rows' credits; null when no row has any (credits are shown only then). */
  totalCredits: number | null;
  /** Why Insights were not used although some exist (hourly ranges), else null. */
  insightsNote: string | null;
}

/** Where a run waited: from creation to its start, or to its end/last update if it never started. */
function queuedSpan(r: RunRecord, until: number): [number, number] {
  if (r.startedAt !== null) return [r.createdAt, r.startedAt];
  if (isQueuedRun(r)) return [r.createdAt, until];
  return [r.createdAt, r.endedAt ?? r.updatedAt ?? r.createdAt];
}

/** Where a run executed: from its start to its end, or to now while it runs. */
function runningSpan(r: RunRecord, until: number): [number, number] | null {
  if (r.startedAt === null) return null;
  return [r.startedAt, r.endedAt ?? (isInProgressRun(r) ? until : (r.updatedAt ?? r.startedAt))];
}

const overlap = ([a, b]: [number, number], from: number, to: number) =>
  Math.max(0, Math.min(b, to) - Math.max(a, from));

/** A location's row before any run or Insights figure is added. */
export function emptyComputeRow(deployment: string, location: string): ComputeLocationRow {
  return {
    deployment,
    location,
    stepSeconds: 0,
    source: COMPUTE_SOURCE,
    credits: null,
    locationSeconds: null,
    locationCredits: null,
    steps: 0,
    runs: 0,
    queueP50Ms: null,
    queueP95Ms: null,
    inProgress: 0,
    queued: 0,
  };
}

export function computeReport(runs: readonly RunRecord[], window: TimeWindow): ComputeReport {
  const rows = new Map<string, ComputeLocationRow & { queue: number[] }>();
  const rowOf = (r: RunRecord) => {
    const k = `${r.deployment}\u0000${r.location}`;
    let row = rows.get(k);
    if (!row) {
      row = { ...emptyComputeRow(r.deployment, r.location), queue: [] };
      rows.set(k, row);
    }
    return row;
  };
  const perBucket = new Map<string, ComputeBucket>();
  const longest: LongestStep[] = [];
  for (const r of runs) {
    const row = rowOf(r);
    if (r.createdAt >= window.since && r.createdAt < window.until) {
      row.runs++;
      const q = queueTimeMs(r);
      if (q !== null) row.queue.push(q);
    }
    if (isInProgressRun(r)) row.inProgress++;
    else if (isQueuedRun(r)) row.queued++;
    for (const s of r.steps ?? []) {
      const ms = stepExecutionMs(s);
      if (ms === null || s.endedAt === null) continue;
      const b = bucketOf(window, s.endedAt);
      if (b === null) continue;
      row.stepSeconds += ms / 1000;
      row.steps++;
      const k = `${b}\u0000${r.location}`;
      const cell = perBucket.get(k) ?? {
        bucket: b,
        location: r.location,
        stepSeconds: 0,
        credits: null,
        source: COMPUTE_SOURCE,
      };
      cell.stepSeconds += ms / 1000;
      perBucket.set(k, cell);
      longest.push({
        runId: r.id,
        job: r.job,
        deployment: r.deployment,
        location: r.location,
        stepKey: s.key,
        endedAt: s.endedAt,
        durationMs: ms,
      });
    }
  }
  const locations = [...rows.values()]
    .map(({ queue, ...row }) => {
      const sorted = queue.sort((a, b) => a - b);
      return { ...row, queueP50Ms: percentile(sorted, 50), queueP95Ms: percentile(sorted, 95) };
    })
    .sort((a, b) => b.stepSeconds - a.stepSeconds || a.location.localeCompare(b.location));
  return {
    source: COMPUTE_SOURCE,
    locations,
    buckets: [...perBucket.values()].sort(
      (a, b) => a.bucket - b.bucket || a.location.localeCompare(b.location),
    ),
    concurrency: concurrency(runs, window),
    longestSteps: longest.sort((a, b) => b.durationMs - a.durationMs).slice(0, LONGEST_STEPS),
    totalStepSeconds: locations.reduce((s, l) => s + l.stepSeconds, 0),
    totalCredits: null,
    insightsNote: null,
  };
}

/** Time-weighted average of runs in progress and queued per bucket. */
function concurrency(runs: readonly RunRecord[], window: TimeWindow): ConcurrencyPoint[] {
  const spans = runs.map((r) => ({
    queued: queuedSpan(r, window.until),
    running: runningSpan(r, window.until),
  }));
  return buckets(window).map((bucket) => {
    // Concurrency reads runs: known from where the runs Healthboard holds start.
    const { from, to, hasRuns: hasData } = bucketSpan(window, bucket);
    const len = to - from;
    let queued = 0;
    let running = 0;
    for (const s of spans) {
      queued += overlap(s.queued, from, to);
      if (s.running) running += overlap(s.running, from, to);
    }
    return { bucket, inProgress: len ? running / len : 0, queued: len ? queued / len : 0, hasData };
  });
}
