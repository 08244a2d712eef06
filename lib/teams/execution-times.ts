import type { RunRecord } from "@/lib/domain/run-types";
import { bucketOf, buckets, type TimeWindow } from "./time-range";

export interface DurationPoint {
  bucket: number;
  location: string;
  runs: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Run duration (start to end) percentiles per location and bucket, by run creation time, over the runs given (a team page gives its team's runs: lib/teams/team-runs.ts). */
export function executionTimes(runs: readonly RunRecord[], window: TimeWindow): DurationPoint[] {
  const durations = new Map<string, number[]>();
  const locations = new Set(runs.map((r) => r.location));
  for (const r of runs) {
    if (r.startedAt === null || r.endedAt === null) continue;
    const b = bucketOf(window, r.createdAt);
    if (b === null) continue;
    const k = `${b}|${r.location}`;
    durations.set(k, [...(durations.get(k) ?? []), r.endedAt - r.startedAt]);
  }
  const out: DurationPoint[] = [];
  for (const b of buckets(window)) {
    for (const location of locations) {
      const d = (durations.get(`${b}|${location}`) ?? []).sort((x, y) => x - y);
      out.push({
        bucket: b,
        location,
        runs: d.length,
        p50Ms: percentile(d, 50),
        p95Ms: percentile(d, 95),
      });
    }
  }
  return out;
}
