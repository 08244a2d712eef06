import { formatDay } from "@/lib/format";
import type { DurationPoint } from "./execution-times";
import type { TrendPoint } from "./failure-report";
import { bucketSpan, type TimeWindow } from "./time-range";

/** One colour per code location in the duration charts. */
export const DURATION_PALETTE = ["#2563eb", "#9333ea", "#0891b2", "#ca8a04", "#dc2626", "#16a34a"];

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
  const span = bucketSpan(w, bucket);
  // Also cut: the bucket in which the history starts (data for part of it only).
  const cut = span.partial || (span.hasData && span.from < w.dataFrom);
  return cut ? `${label}*` : label;
}

export interface RunsTrendRow {
  label: string;
  /** null: the bucket lies before Healthboard's history, no data (not zero). */
  succeeded: number | null;
  failed: number | null;
  materializations: number | null;
}

/** Sums trend points over locations into one row per bucket, for the runs chart. */
export function mapRunsTrend(points: readonly TrendPoint[], w: TimeWindow): RunsTrendRow[] {
  const rows = new Map<number, RunsTrendRow>();
  for (const p of points) {
    const known = bucketSpan(w, p.bucket).hasData;
    const row = rows.get(p.bucket) ?? {
      label: bucketLabel(w, p.bucket),
      succeeded: known ? 0 : null,
      failed: known ? 0 : null,
      materializations: known ? 0 : null,
    };
    if (known) {
      row.succeeded = (row.succeeded ?? 0) + p.runsSucceeded;
      row.failed = (row.failed ?? 0) + p.runsFailed;
      row.materializations = (row.materializations ?? 0) + p.materializations;
    }
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
    if (!bucketSpan(w, p.bucket).hasData) {
      rows.set(p.bucket, row);
      continue;
    }
    row[`${p.location} p50`] = p.p50Ms === null ? null : Math.round(p.p50Ms / 600) / 100;
    row[`${p.location} p95`] = p.p95Ms === null ? null : Math.round(p.p95Ms / 600) / 100;
    rows.set(p.bucket, row);
  }
  return { locations, data: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) };
}
