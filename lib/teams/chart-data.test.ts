import { describe, expect, it } from "vitest";
import { mapRunsTrend, trendCsvRows } from "./chart-data";
import { timeWindow } from "./time-range";

const D = 86_400_000;
const NOW = Date.parse("2026-11-27T12:30:00Z");

describe("mapRunsTrend", () => {
  it("marks the cut buckets and leaves the buckets before the history with no data", () => {
    // 7 days asked, 3 days of history: data from 24 Nov 12:30.
    const w = timeWindow("7d", NOW, 3 * D);
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    const point = (bucket: number, location: string, failed: number) => ({
      bucket,
      location,
      runsSucceeded: 1,
      runsFailed: failed,
      materializations: 2,
    });
    const rows = mapRunsTrend(
      [
        point(day("2026-11-20"), "a", 0),
        point(day("2026-11-23"), "a", 0),
        point(day("2026-11-24"), "a", 1),
        point(day("2026-11-24"), "b", 2),
        point(day("2026-11-27"), "a", 0),
      ],
      w,
    );
    expect(rows).toEqual([
      { label: "11-20*", succeeded: null, failed: null, materializations: null },
      { label: "11-23", succeeded: null, failed: null, materializations: null },
      { label: "11-24*", succeeded: 2, failed: 3, materializations: 4 },
      { label: "11-27*", succeeded: 1, failed: 0, materializations: 2 },
    ]);
  });
});

describe("trendCsvRows", () => {
  it("gives the buckets before the history empty values, not zero, and marks the cut ones", () => {
    // 7 days asked, 3 days of history: data from 24 Nov 12:30.
    const w = timeWindow("7d", NOW, 3 * D);
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    const points = ["2026-11-23", "2026-11-24", "2026-11-25"].map((iso) => ({
      bucket: day(iso),
      location: "a",
      runs: 0,
      failed: 0,
    }));
    expect(trendCsvRows(w, points, (p) => [p.runs, p.failed])).toEqual([
      ["2026-11-23T00:00:00.000Z", "a", "", "", false],
      ["2026-11-24T00:00:00.000Z", "a", 0, 0, true],
      ["2026-11-25T00:00:00.000Z", "a", 0, 0, false],
    ]);
  });
});
