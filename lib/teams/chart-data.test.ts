import { describe, expect, it } from "vitest";
import { countedSince, durationsCsvRows, failuresCsvRows, mapRunsTrend } from "./chart-data";
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

describe("history that starts inside the window", () => {
  // 7 days asked, 3 days of runs (from 24 Nov 12:30); one asset's materialization
  // history cut short, from 25 Nov 06:00.
  const runsHeld = timeWindow("7d", NOW, 3 * D);
  const w = { ...runsHeld, dataFrom: Date.parse("2026-11-25T06:00:00Z") };
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const points = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"].map((iso) => ({
    bucket: day(iso),
    location: "a",
    runsSucceeded: 2,
    runsFailed: 1,
    materializations: 3,
  }));

  it("charts runs from where the runs start and materializations from where theirs do", () => {
    expect(mapRunsTrend(points, w)).toEqual([
      { label: "11-23", succeeded: null, failed: null, materializations: null },
      { label: "11-24*", succeeded: 2, failed: 1, materializations: null },
      { label: "11-25*", succeeded: 2, failed: 1, materializations: 3 },
      { label: "11-26", succeeded: 2, failed: 1, materializations: 3 },
    ]);
  });

  it("exports the same: empty cells, not zero, and the chart's * as partial", () => {
    expect(failuresCsvRows(w, points)).toEqual([
      ["2026-11-23T00:00:00.000Z", "a", "", "", "", false],
      ["2026-11-24T00:00:00.000Z", "a", 2, 1, "", true],
      ["2026-11-25T00:00:00.000Z", "a", 2, 1, 3, true],
      ["2026-11-26T00:00:00.000Z", "a", 2, 1, 3, false],
    ]);
    const durations = [
      { bucket: day("2026-11-23"), location: "a", runs: 0, p50Ms: null, p95Ms: null },
      { bucket: day("2026-11-25"), location: "a", runs: 2, p50Ms: 1_000, p95Ms: 3_000 },
    ];
    expect(durationsCsvRows(w, durations)).toEqual([
      ["2026-11-23T00:00:00.000Z", "a", "", "", "", false],
      ["2026-11-25T00:00:00.000Z", "a", 2, 1, 3, true],
    ]);
  });

  it("says since when a total counts, only when that is inside the window", () => {
    expect(countedSince(w, w.runsFrom)).toBe("since 11-24 12:30 UTC");
    expect(countedSince(w, w.dataFrom)).toBe("since 11-25 06:00 UTC");
    const whole = timeWindow("7d", NOW, 30 * D);
    expect(countedSince(whole, whole.runsFrom)).toBeNull();
    // A model from a server older than runsFrom has none: no note, and no throw.
    const older = { ...whole, runsFrom: undefined as unknown as number };
    expect(countedSince(older, older.runsFrom)).toBeNull();
  });
});
