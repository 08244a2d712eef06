import { formatDay } from "@/lib/format";
import type { DurationPoint } from "./execution-times";
import type { TrendPoint } from "./failure-report";
import { bucketSpan, type TimeWindow } from "./time-range";

/** One colour per code location in the duration charts: p50 in the dark shade, p95 in the light one. */
export const DURATION_PALETTE = ["#2563eb", "#9333ea", "#0891b2", "#ca8a04", "#dc2626", "#16a34a"];
const P95_PALETTE = ["#60a5fa", "#c084fc", "#22d3ee", "#facc15", "#f87171", "#4ade80"];

export interface DurationSeries {
  /** The data column (see mapDurations). */
  key: string;
  /** What the legend says. */
  name: string;
  color: string;
  /** p95 is dashed, p50 solid: the two must not look alike even without colour. */
  dashed: boolean;
}

/** The p50 and p95 series of each location, in legend order. */
export function durationSeries(locations: readonly string[]): DurationSeries[] {
  return locations.flatMap((loc, i) => [
    {
      key: `${loc} p50`,
      name: `${loc} p50 (median)`,
      color: DURATION_PALETTE[i % DURATION_PALETTE.length] as string,
      dashed: false,
    },
    {
      key: `${loc} p95`,
      name: `${loc} p95`,
      color: P95_PALETTE[i % P95_PALETTE.length] as string,
      dashed: true,
    },
  ]);
}

/** What the charts print under their buckets: the time zone and the partial-bucket mark. */
export const BUCKET_NOTE =
  "Times in UTC; * marks a bucket cut short by the window; empty buckets before Healthboard's history starts are no data.";

/**
 * A bucket's axis label: its UTC hour or day, with "*" when the window covers
 * only part of it (the first and last buckets of a rolling window, and the
 * one in which Healthboard's history starts), so a
 * smaller bar there reads as less time, not less activity.
 */
export function bucketLabel(w: TimeWindow, bucket: number): string {
  const label = formatDay(bucket, w.bucketMs < 86_400_000);
  return bucketCut(w, bucket) ? `${label}*` : label;
}

/**
 * Whether the window, or the start of the runs or of the rest of the history,
 * covers only part of the bucket (the "*").
 */
export function bucketCut(w: TimeWindow, bucket: number): boolean {
  const span = bucketSpan(w, bucket);
  const startsIn = (t: number) => span.from < t && t < span.to;
  return span.partial || startsIn(w.runsFrom) || startsIn(w.dataFrom);
}

const isoBucket = (bucket: number) => new Date(bucket).toISOString();
const unless = (known: boolean, value: unknown) => (known ? value : "");

/**
 * "since 11-26 12:30 UTC" when a total over the window counts history that
 * starts inside it (`w.runsFrom` for runs, `w.dataFrom` for materializations):
 * the total is then of that shorter time. Null when it covers the window.
 */
export function countedSince(w: TimeWindow, from: number): string | null {
  // Also null without a start (a model from a server older than runsFrom).
  if (!(from > w.since)) return null;
  return `since ${new Date(from).toISOString().slice(5, 16).replace("T", " ")} UTC`;
}

/**
 * The failures trend as CSV rows, as its chart shows it: run counts empty
 * before the runs start, materializations empty before their history does
 * (no data, not zero); `partial` is the chart's "*".
 */
export function failuresCsvRows(w: TimeWindow, points: readonly TrendPoint[]): unknown[][] {
  return points.map((p) => {
    const { hasRuns, hasData } = bucketSpan(w, p.bucket);
    return [
      isoBucket(p.bucket),
      p.location,
      unless(hasRuns, p.runsSucceeded),
      unless(hasRuns, p.runsFailed),
      unless(hasData, p.materializations),
      bucketCut(w, p.bucket),
    ];
  });
}

/** Execution times as CSV rows: empty before the runs start; `partial` is the chart's "*". */
export function durationsCsvRows(w: TimeWindow, points: readonly DurationPoint[]): unknown[][] {
  return points.map((p) => {
    const { hasRuns } = bucketSpan(w, p.bucket);
    return [
      isoBucket(p.bucket),
      p.location,
      unless(hasRuns, p.runs),
      unless(hasRuns, p.p50Ms === null ? "" : p.p50Ms / 1000),
      unless(hasRuns, p.p95Ms === null ? "" : p.p95Ms / 1000),
      bucketCut(w, p.bucket),
    ];
  });
}

export interface RunsTrendRow {
  label: string;
  /** null: the bucket lies before the runs Healthboard holds, no data (not zero). */
  succeeded: number | null;
  failed: number | null;
  /** null: before the materialization history Healthboard holds. */
  materializations: number | null;
}

/** Sums trend points over locations into one row per bucket, for the runs chart. */
export function mapRunsTrend(points: readonly TrendPoint[], w: TimeWindow): RunsTrendRow[] {
  const rows = new Map<number, RunsTrendRow>();
  for (const p of points) {
    const { hasRuns, hasData } = bucketSpan(w, p.bucket);
    const row = rows.get(p.bucket) ?? {
      label: bucketLabel(w, p.bucket),
      succeeded: hasRuns ? 0 : null,
      failed: hasRuns ? 0 : null,
      materializations: hasData ? 0 : null,
    };
    if (hasRuns) {
      row.succeeded = (row.succeeded ?? 0) + p.runsSucceeded;
      row.failed = (row.failed ?? 0) + p.runsFailed;
    }
    if (hasData) row.materializations = (row.materializations ?? 0) + p.materializations;
    rows.set(p.bucket, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** One row per bucket with `<location> p50` / `<location> p95` columns in seconds (durationAxis picks the unit shown). */
export function mapDurations(points: readonly DurationPoint[], w: TimeWindow) {
  const rows = new Map<number, Record<string, number | string | null>>();
  const locations = [...new Set(points.map((p) => p.location))].sort();
  for (const p of points) {
    const row = rows.get(p.bucket) ?? { label: bucketLabel(w, p.bucket) };
    if (!bucketSpan(w, p.bucket).hasRuns) {
      rows.set(p.bucket, row);
      continue;
    }
    row[`${p.location} p50`] = p.p50Ms === null ? null : p.p50Ms / 1000;
    row[`${p.location} p95`] = p.p95Ms === null ? null : p.p95Ms / 1000;
    rows.set(p.bucket, row);
  }
  return { locations, data: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) };
}

/** The largest number among the given columns of the rows (0 when there is none). */
export function maxOf(rows: readonly Record<string, unknown>[], keys: readonly string[]): number {
  let max = 0;
  for (const row of rows)
    for (const k of keys) {
      const v = row[k];
      if (typeof v === "number" && v > max) max = v;
    }
  return max;
}

/** Round axis ticks from 0 up to at least `max`, at most about five steps of 1, 2 or 5 × 10^k. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag) as number;
  const steps = Math.ceil(max / step - 1e-9);
  // Multiply rather than add, so 0.1 steps do not drift into 0.30000000000000004.
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

export type DurationUnit = "s" | "min" | "h";

export interface DurationAxis {
  unit: DurationUnit;
  /** Axis ticks in seconds (the data's unit), at round values of `unit`. */
  ticks: number[];
  /** A tick's label, e.g. "30 s", "1.5 min", "2 h". */
  format: (seconds: number) => string;
}

const UNIT_SECONDS: Record<DurationUnit, number> = { s: 1, min: 60, h: 3600 };

/**
 * The duration axis for values up to `maxSeconds`: seconds below 2 minutes,
 * minutes below 2 hours, hours above, so a 4.5 s run reads "5 s", not "0.075m".
 */
export function durationAxis(maxSeconds: number): DurationAxis {
  const unit: DurationUnit = maxSeconds < 120 ? "s" : maxSeconds < 7200 ? "min" : "h";
  const per = UNIT_SECONDS[unit];
  const ticks = niceTicks(maxSeconds / per).map((t) => t * per);
  return {
    unit,
    ticks,
    format: (seconds) => `${Number((seconds / per).toPrecision(3))} ${unit}`,
  };
}
