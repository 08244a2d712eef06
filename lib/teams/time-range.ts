// The time ranges a team page offers, as they appear in the URL (?range=7d),
// and the one definition of a window every team figure uses:
//
//   window   = [now − span, now)            exactly `span` long, rolling
//   previous = [since − span, since)        the same length, just before it
//   buckets  = whole UTC hours (24h) or whole UTC days (longer ranges); the
//              first and last buckets are cut by the window, so they may be
//              partial (bucketSpan says how much of each is inside it).
//
// Buckets are aligned to the Unix epoch, which is UTC midnight; UTC has no
// daylight saving, so every hour bucket is 1 h and every day bucket 24 h.

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
  /** Inclusive start: exactly one span before `until`. */
  since: number;
  /** Exclusive end: "now". */
  until: number;
  /** The previous period, [previousSince, since): the same length as this one. */
  previousSince: number;
  /** Bucket width for trends: hours over 24 h, days otherwise. */
  bucketMs: number;
  /** Buckets are whole hours/days of this time zone; charts label it. */
  timeZone: "UTC";
  /**
   * Where the runs Healthboard holds start inside this window: `since` unless
   * the runs window (`refresh.runsWindowDays`) is shorter. Run counts before it
   * are "no data", never zero.
   */
  runsFrom: number;
  /**
   * Where all the history Healthboard holds (runs, and the materializations of
   * the assets shown) starts inside this window: `runsFrom`, or later when an
   * asset's materialization history was cut short. Time before it is "no
   * data" for anything that reads materializations.
   */
  dataFrom: number;
}

/** The window ending `now`; `historyMs`: how far back Healthboard's history reaches. */
export function timeWindow(range: RangeKey, now: number, historyMs = Infinity): TimeWindow {
  const span = RANGE_MS[range];
  return {
    range,
    since: now - span,
    until: now,
    previousSince: now - 2 * span,
    bucketMs: range === "24h" ? HOUR : DAY,
    timeZone: "UTC",
    runsFrom: Math.max(now - span, now - historyMs),
    dataFrom: Math.max(now - span, now - historyMs),
  };
}

const bucketStart = (w: TimeWindow, at: number) => Math.floor(at / w.bucketMs) * w.bucketMs;

/** Start times of the UTC-aligned buckets that overlap [since, until). */
export function buckets(w: TimeWindow): number[] {
  const out: number[] = [];
  for (let t = bucketStart(w, w.since); t < w.until; t += w.bucketMs) out.push(t);
  return out;
}

/** The bucket holding `at`, or null outside the window. */
export function bucketOf(w: TimeWindow, at: number): number | null {
  if (at < w.since || at >= w.until) return null;
  return bucketStart(w, at);
}

/**
 * The part of bucket `start` inside the window: [from, to), whether it is cut
 * short, and whether any of it has runs (is at or after `runsFrom`) and all
 * the history (at or after `dataFrom`).
 */
export function bucketSpan(
  w: TimeWindow,
  start: number,
): { from: number; to: number; partial: boolean; hasRuns: boolean; hasData: boolean } {
  const from = Math.max(start, w.since);
  const to = Math.min(start + w.bucketMs, w.until);
  return {
    from,
    to,
    partial: to - from < w.bucketMs,
    hasRuns: to > w.runsFrom,
    hasData: to > w.dataFrom,
  };
}
