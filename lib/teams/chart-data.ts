import { formatDay } from "@/lib/format";
import type { DurationPoint } from "./execution-times";
import type { TrendPoint } from "./failure-report";
import { bucketSpan, type TimeWindow } from "./time-range";

/** One colour per code location in the duration charts. */
export const DURATION_PALETTE = ["#2563eb", "#9333ea", "#0891b2", "#ca8a04", "#dc2626", "#16a34a"];

/** What the charts print under their buckets: the time zone and the partial-bucket mark. */
export const BUCKET_NOTE = "Times in UTC; * marks a bucket cut short by the window.";

/**
 * A bucket's axis label: its UTC hour or day, with "*" when the window covers
 * only part of it (the first and last buckets of a rolling window), so a
 * smaller bar there reads as less time, not less activity.
 */
export function bucketLabel(w: TimeWindow, bucket: number): string {
  const label = formatDay(bucket, w.bucketMs < 86_400_000);
  return bucketSpan(w, bucket).partial ? `${label}*` : label;
}

/** Sums trend points over locations into one row per bucket, for the runs chart. */
export function mapRunsTrend(points: readonly TrendPoint[], w: TimeWindow) {
  const rows = new Map<
    number,
    { label: string; succeeded: number; failed: number; materializations: number }
  >();
  for (const p of points) {
    const row = rows.get(p.bucket) ?? {
      label: bucketLabel(w, p.bucket),
      succeeded: 0,
      failed: 0,
      materializations: 0,
    };
    row.succeeded += p.runsSucceeded;
    row.failed += p.runsFailed;
    row.materializations += p.materializations;
    rows.set(p.bucket, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** One row per bucket with `<location> p50` / `<location> p95` columns in minutes. */
export function mapDurations(points: readonly DurationPoint[], w: TimeWindow) {
  const rows = new Map<number, Record<string, number | string | null>>();
  const locations = [...new Set(points.map((p) => p.location))].sort();
  for (const p of points) {
    const row = rows.get(p.bucket) ?? { label: bucketLabel(w, p.bucket) };
    row[`${p.location} p50`] = p.p50Ms === null ? null : Math.round(p.p50Ms / 600) / 100;
    row[`${p.location} p95`] = p.p95Ms === null ? null : Math.round(p.p95Ms / 600) / 100;
    rows.set(p.bucket, row);
  }
  return { locations, data: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) };
}
