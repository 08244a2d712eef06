import { describe, expect, it } from "vitest";
import type { MaterializationRecord } from "@/lib/domain/run-types";
import { timeWindow } from "@/lib/teams/time-range";
import {
  quotaForecast,
  type StorageAssetInput,
  storageReport,
  totalSeries,
} from "./storage-report";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2);
const w = timeWindow("7d", NOW);
const day = (n: number) => NOW - 7 * DAY + n * DAY; // start of the window's day n

const m = (at: number, bytes?: number, rowCount?: number): MaterializationRecord => ({
  at,
  runId: `r${at}`,
  ...(bytes === undefined ? {} : { bytes }),
  ...(rowCount === undefined ? {} : { rowCount }),
});
const asset = (
  id: string,
  location: string,
  history: MaterializationRecord[],
): StorageAssetInput => ({
  deployment: "prod",
  location,
  id,
  key: [id],
  history,
});

// orders grows 1,000 bytes a day from 10,000; customers stays at 5,000 bytes.
const orders = asset(
  "orders",
  "analytics",
  [0, 1, 2, 3, 4, 5, 6].map((n) => m(day(n) + 3_600_000, 10_000 + 1_000 * n, 100 * (n + 1))),
);
const customers = asset("customers", "analytics", [
  m(day(0) + 60_000, 5_000, 50),
  m(day(4), 5_000, 50),
]);
const model = asset("model", "ml", [m(day(2), 2_000)]);
const unmeasured = asset("plain", "ml", [m(day(1))]);

describe("storageReport", () => {
  const report = storageReport([orders, customers, model, unmeasured], w, [
    quotaForecast({ name: "shared", bytes: 30_000, locations: [] }, [orders, customers, model], w),
  ]);

  it("sums each location's latest recorded sizes at every day's end", () => {
    const analytics = report.trend.filter((p) => p.location === "analytics");
    expect(analytics.map((p) => p.bytes)).toEqual([
      15_000, 16_000, 17_000, 18_000, 19_000, 20_000, 21_000,
    ]);
    expect(analytics.map((p) => p.rows)).toEqual([150, 250, 350, 450, 550, 650, 750]);
    // ml records a size from day 2 on; before that it adds nothing.
    expect(report.trend.filter((p) => p.location === "ml").map((p) => p.bytes)).toEqual([
      0, 0, 2_000, 2_000, 2_000, 2_000, 2_000,
    ]);
  });

  it("gives the latest size per location and counts only assets that recorded one", () => {
    expect(report.locations).toEqual([
      { deployment: "prod", location: "analytics", bytes: 21_000, rows: 750, assets: 2 },
      { deployment: "prod", location: "ml", bytes: 2_000, rows: 0, assets: 1 },
    ]);
    expect(report.measuredAssets).toBe(3);
  });

  it("lists growing assets with their growth per day, flat ones left out", () => {
    expect(report.fastestGrowing.map((r) => [r.id, Math.round(r.growthBytesPerDay ?? 0)])).toEqual([
      ["orders", 1_000],
    ]);
  });

  it("forecasts the quota from the summed sizes of its assets", () => {
    // Totals 15, 16, 19 … 23 thousand: the fit grows and reaches 30,000 after the window.
    const q = report.quotas[0];
    expect(q?.usedBytes).toBe(23_000);
    expect(q?.forecast.kind).toBe("reaches");
    const series = totalSeries([orders, customers, model], w);
    expect(series.map((p) => p.value)).toEqual([
      15_000, 16_000, 19_000, 20_000, 21_000, 22_000, 23_000,
    ]);
    if (q?.forecast.kind === "reaches") expect(q.forecast.at).toBeGreaterThan(NOW);
  });
});
