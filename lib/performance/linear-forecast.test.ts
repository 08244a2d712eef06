import { describe, expect, it } from "vitest";
import { forecastReach, linearFit } from "./linear-forecast";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const series = (values: number[]) => values.map((value, i) => ({ at: T0 + i * DAY, value }));

describe("linearFit", () => {
  it("recovers an exact line: 100 GB plus 5 GB a day", () => {
    const gb = 1e9;
    const fit = linearFit(series([100, 105, 110, 115, 120].map((v) => v * gb)));
    expect(fit?.slope).toBeCloseTo((5 * gb) / DAY, 6);
    // The fitted value on the first day is the series' first value.
    expect((fit?.intercept ?? 0) + (fit?.slope ?? 0) * T0).toBeCloseTo(100 * gb, -1);
  });

  it("fits noise symmetric about a line to that line", () => {
    // 10, 20, 30, 40 with ±2 alternating: least squares of 12, 18, 32, 38.
    const fit = linearFit(series([12, 18, 32, 38]));
    // By hand: x = 0..3 days (mean 1.5), y mean 25; Σdx·dy = 46, Σdx² = 5: slope 9.2 a day.
    expect((fit?.slope ?? 0) * DAY).toBeCloseTo(9.2, 9);
  });

  it("needs two distinct times", () => {
    expect(linearFit(series([5]))).toBeNull();
    expect(
      linearFit([
        { at: T0, value: 1 },
        { at: T0, value: 2 },
      ]),
    ).toBeNull();
  });
});

describe("forecastReach", () => {
  it("names the day a steadily growing series reaches the quota", () => {
    // 10 a day from 0: a quota of 95 is reached 9.5 days after the first point.
    const f = forecastReach(series([0, 10, 20, 30]), 95);
    expect(f).toEqual({ kind: "reaches", at: T0 + 9.5 * DAY });
  });

  it("says reached when the latest value is at or over the quota", () => {
    expect(forecastReach(series([80, 90, 100]), 100)).toEqual({
      kind: "reached",
      at: T0 + 2 * DAY,
    });
  });

  it("says never for a flat or shrinking series", () => {
    expect(forecastReach(series([50, 50, 50]), 100).kind).toBe("never");
    expect(forecastReach(series([60, 55, 50]), 100).kind).toBe("never");
  });

  it("says unknown with a single point", () => {
    expect(forecastReach(series([50]), 100).kind).toBe("unknown");
  });
});
