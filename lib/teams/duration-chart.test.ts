import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SvgLineDurations } from "@/components/team/svg-charts";
import { durationAxis, durationSeries, mapDurations, niceTicks } from "./chart-data";
import { timeWindow } from "./time-range";

const NOW = Date.parse("2026-11-27T12:30:00Z");
const H = 3_600_000;

describe("niceTicks", () => {
  it("ends at or above the maximum in round steps", () => {
    for (const max of [0.3, 1, 4.5, 7, 13, 99, 250]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      const step = (ticks[1] as number) - (ticks[0] as number);
      // 1, 2 or 5 times a power of ten
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContainEqual(Number(mantissa.toPrecision(6)));
    }
  });

  it("gives an empty chart a 0..1 axis", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("durationAxis", () => {
  it("labels a 4.5 s run in seconds, not as a fraction of a minute", () => {
    const axis = durationAxis(4.5);
    expect(axis.unit).toBe("s");
    expect(axis.ticks.at(-1)).toBeGreaterThanOrEqual(4.5);
    const labels = axis.ticks.map(axis.format);
    for (const l of labels) expect(l).toMatch(/^\d+ s$/);
  });

  it("switches to minutes from 2 minutes and to hours from 2 hours", () => {
    expect(durationAxis(119).unit).toBe("s");
    expect(durationAxis(120).unit).toBe("min");
    expect(durationAxis(90 * 60).format(30 * 60)).toBe("30 min");
    expect(durationAxis(7200).unit).toBe("h");
    expect(durationAxis(5 * 3600).format(5400)).toBe("1.5 h");
  });

  it("keeps every tick label short", () => {
    for (const max of [0.4, 3, 59, 300, 3000, 20_000, 200_000]) {
      const axis = durationAxis(max);
      for (const t of axis.ticks) expect(axis.format(t)).toMatch(/^\d+(\.\d{1,2})? (s|min|h)$/);
    }
  });
});

describe("durationSeries", () => {
  it("tells p50 from p95 by name, dash and colour", () => {
    const [p50, p95] = durationSeries(["analytics"]);
    expect(p50?.name).toBe("analytics p50 (median)");
    expect(p95?.name).toBe("analytics p95");
    expect(p50?.dashed).toBe(false);
    expect(p95?.dashed).toBe(true);
    expect(p50?.color).not.toBe(p95?.color);
  });
});

describe("a 24h duration chart with one run", () => {
  const w = timeWindow("24h", NOW, 30 * 24 * H);
  const bucket = Math.floor(NOW / H) * H - 3 * H;
  const { data, locations } = mapDurations(
    [{ bucket, location: "analytics", runs: 1, p50Ms: 4_500, p95Ms: 4_500 }],
    w,
  );

  it("keeps the value in seconds", () => {
    expect(data.find((r) => r["analytics p50"] !== undefined)?.["analytics p50"]).toBe(4.5);
  });

  it("draws a mark for the single point, on a seconds axis", () => {
    const svg = renderToStaticMarkup(createElement(SvgLineDurations, { data, locations }));
    // One dot per series (p50 and p95) for the one bucket with a run.
    expect(svg.match(/<circle/g)?.length).toBe(2);
    expect(svg).toMatch(/>\d+ s</);
    expect(svg).not.toContain("0.075");
    expect(svg).not.toMatch(/>[\d.]+m</);
  });
});
