// The time ranges a team page offers, as they appear in the URL (?range=7d).

export const RANGES = ["24h", "7d", "14d", "30d"] as const;
export type RangeKey = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangeKey = "7d";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RANGE_MS: Record<RangeKey, number> = {
  "24h": DAY,
  "7d": 7 * DAY,
  "14d": 14 * DAY,
  "30d": 30 * DAY,
};

export function isRange(value: unknown): value is RangeKey {
  return typeof value === "string" && (RANGES as readonly string[]).includes(value);
}

export interface TimeWindow {
  range: RangeKey;
  since: number;
  until: number;
  /** Bucket width for trends: hours over 24 h, days otherwise. */
  bucketMs: number;
}

export function timeWindow(range: RangeKey, now: number): TimeWindow {
  const bucketMs = range === "24h" ? HOUR : DAY;
  // Align buckets to whole hours/days (UTC) so charts have stable labels.
  const until = now;
  const since = Math.floor((now - RANGE_MS[range]) / bucketMs) * bucketMs + bucketMs;
  return { range, since, until, bucketMs };
}

/** Bucket start times covering [since, until). */
export function buckets(w: TimeWindow): number[] {
  const out: number[] = [];
  for (let t = w.since; t < w.until; t += w.bucketMs) out.push(t);
  return out;
}

export function bucketOf(w: TimeWindow, at: number): number | null {
  if (at < w.since || at >= w.until) return null;
  return w.since + Math.floor((at - w.since) / w.bucketMs) * w.bucketMs;
}
