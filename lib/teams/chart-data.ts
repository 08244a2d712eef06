import { formatDay } from "@/lib/format";
import type { DurationPoint } from "./execution-times";
import type { TrendPoint } from "./failure-report";

/** One colour per code location in the duration charts. */
export const DURATION_PALETTE = ["#2563eb", "#9333ea", "#0891b2", "#ca8a04", "#dc2626", "#16a34a"];

/** Sums trend points over locations into one row per bucket, for the runs chart. */
export function mapRunsTrend(points: readonly TrendPoint[], hourly: boolean) {
  const rows = new Map<
    number,
    { label: string; succeeded: number; failed: number; materializations: number }
  >();
  for (const p of points) {
    const row = rows.get(p.bucket) ?? {
      label: formatDay(p.bucket, hourly),
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
export function mapDurations(points: readonly DurationPoint[], hourly: boolean) {
  const rows = new Map<number, Record<string, number | string | null>>();
  const locations = [...new Set(points.map((p) => p.location))].sort();
  for (const p of points) {
    const row = rows.get(p.bucket) ?? { label: formatDay(p.bucket, hourly) };
    row[`${p.location} p50`] = p.p50Ms === null ? null : Math.round(p.p50Ms / 600) / 100;
    row[`${p.location} p95`] = p.p95Ms === null ? null : Math.round(p.p95Ms / 600) / 100;
    rows.set(p.bucket, row);
  }
  return { locations, data: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) };
}
