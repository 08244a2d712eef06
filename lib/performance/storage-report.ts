import type { MaterializationRecord } from "@/lib/domain/run-types";
import { bucketSpan, buckets, type TimeWindow } from "@/lib/teams/time-range";
import { type Forecast, forecastReach, linearFit, type Point } from "./linear-forecast";
import type { StorageQuota } from "./storage-config";

// Shared-storage capacity from materialization metadata. An asset's size at a
// time is the byte count (a configured size key) of its latest materialization
// at or before that time that recorded one: an asset rewrites what it stores.
// A location's or team's size is the sum over its assets; a quota's forecast
// is a linear fit of that sum at each bucket's end, over the quota's locations.

export const STORAGE_SOURCE =
  "materialization metadata Dagster recorded (dagster/row_count, size keys)";
const FASTEST = 10;
const DAY = 86_400_000;

export interface StorageAssetInput {
  deployment: string;
  location: string;
  id: string;
  key: string[];
  history: readonly MaterializationRecord[];
}

export interface StoragePoint {
  /** The bucket's end inside the window: the time the sizes are read at. */
  at: number;
  bucket: number;
  location: string;
  bytes: number;
  rows: number;
}

export interface StorageAssetRow {
  deployment: string;
  location: string;
  id: string;
  key: string[];
  bytes: number | null;
  rows: number | null;
  /** Linear-fit growth of its recorded bytes over the window, per day; null with fewer than two. */
  growthBytesPerDay: number | null;
}

export interface QuotaForecast {
  name: string;
  quotaBytes: number;
  usedBytes: number;
  forecast: Forecast;
}

export interface StorageReport {
  source: string;
  /** Per location and bucket with data: summed sizes at the bucket's end. */
  trend: StoragePoint[];
  /** Per location: the latest summed sizes. */
  locations: {
    deployment: string;
    location: string;
    bytes: number;
    rows: number;
    assets: number;
  }[];
  /** Growing assets, fastest first. */
  fastestGrowing: StorageAssetRow[];
  quotas: QuotaForecast[];
  /** Assets with any recorded size in the window's history. */
  measuredAssets: number;
}

/** The latest recorded value at or before each of the ascending times (undefined before the first). */
function valuesAt(
  history: readonly MaterializationRecord[],
  pick: (m: MaterializationRecord) => number | undefined,
  times: readonly number[],
): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let i = 0;
  let current: number | undefined;
  for (const t of times) {
    while (i < history.length && (history[i] as MaterializationRecord).at <= t) {
      current = pick(history[i] as MaterializationRecord) ?? current;
      i++;
    }
    out.push(current);
  }
  return out;
}

const bytesOf = (m: MaterializationRecord) => m.bytes;
const rowsOf = (m: MaterializationRecord) => m.rowCount;

/** Bucket ends (inside the window) of the buckets that hold data. */
function readTimes(window: TimeWindow): { bucket: number; at: number }[] {
  return buckets(window)
    .map((b) => ({ b, span: bucketSpan(window, b) }))
    .filter(({ span }) => span.hasData)
    .map(({ b, span }) => ({ bucket: b, at: span.to - 1 }));
}

/** Summed bytes at each read time over some assets: the series a quota is forecast from. */
export function totalSeries(assets: readonly StorageAssetInput[], window: TimeWindow): Point[] {
  const times = readTimes(window).map((t) => t.at);
  const sums = times.map(() => 0);
  for (const a of assets) {
    valuesAt(a.history, bytesOf, times).forEach((v, i) => {
      sums[i] = (sums[i] ?? 0) + (v ?? 0);
    });
  }
  return times.map((at, i) => ({ at, value: sums[i] ?? 0 }));
}

/** A quota's use at the window's end and when the fitted line reaches it, over the quota's assets. */
export function quotaForecast(
  quota: StorageQuota,
  assets: readonly StorageAssetInput[],
  window: TimeWindow,
): QuotaForecast {
  const series = totalSeries(assets, window);
  return {
    name: quota.name,
    quotaBytes: quota.bytes,
    usedBytes: series.at(-1)?.value ?? 0,
    forecast: forecastReach(series, quota.bytes),
  };
}

/** `quotas`: the forecasts of the quotas that concern these assets (quotaForecast). */
export function storageReport(
  assets: readonly StorageAssetInput[],
  window: TimeWindow,
  quotas: readonly QuotaForecast[] = [],
): StorageReport {
  const reads = readTimes(window);
  const times = reads.map((r) => r.at);
  const trend = new Map<string, StoragePoint>();
  const locations = new Map<string, StorageReport["locations"][number]>();
  const rows: StorageAssetRow[] = [];
  let measured = 0;
  for (const a of assets) {
    const inWindow = a.history.filter((m) => m.at >= window.since && m.at < window.until);
    const sized = a.history.some((m) => m.bytes !== undefined || m.rowCount !== undefined);
    if (!sized) continue;
    measured++;
    const bytes = valuesAt(a.history, bytesOf, times);
    const rowCounts = valuesAt(a.history, rowsOf, times);
    reads.forEach(({ bucket, at }, i) => {
      const k = `${bucket}\u0000${a.location}`;
      const p = trend.get(k) ?? { at, bucket, location: a.location, bytes: 0, rows: 0 };
      p.bytes += bytes[i] ?? 0;
      p.rows += rowCounts[i] ?? 0;
      trend.set(k, p);
    });
    const lk = `${a.deployment}\u0000${a.location}`;
    const loc = locations.get(lk) ?? {
      deployment: a.deployment,
      location: a.location,
      bytes: 0,
      rows: 0,
      assets: 0,
    };
    const latestBytes = bytes.at(-1);
    const latestRows = rowCounts.at(-1);
    loc.bytes += latestBytes ?? 0;
    loc.rows += latestRows ?? 0;
    loc.assets++;
    locations.set(lk, loc);
    const fit = linearFit(
      inWindow.flatMap((m) => (m.bytes === undefined ? [] : [{ at: m.at, value: m.bytes }])),
    );
    rows.push({
      deployment: a.deployment,
      location: a.location,
      id: a.id,
      key: a.key,
      bytes: latestBytes ?? null,
      rows: latestRows ?? null,
      growthBytesPerDay: fit ? fit.slope * DAY : null,
    });
  }
  return {
    source: STORAGE_SOURCE,
    trend: [...trend.values()].sort((a, b) => a.at - b.at || a.location.localeCompare(b.location)),
    locations: [...locations.values()].sort((a, b) => b.bytes - a.bytes),
    fastestGrowing: rows
      .filter((r) => (r.growthBytesPerDay ?? 0) > 0)
      .sort((a, b) => (b.growthBytesPerDay ?? 0) - (a.growthBytesPerDay ?? 0))
      .slice(0, FASTEST),
    quotas: [...quotas],
    measuredAssets: measured,
  };
}
