import { describe, expect, it } from "vitest";
import { bucketOf, bucketSpan, buckets, RANGE_MS, RANGES, timeWindow } from "./time-range";

const H = 3_600_000;
const NOW = Date.parse("2026-11-27T12:30:00Z");

describe("timeWindow", () => {
  it("is exactly its length, ending now", () => {
    const w = timeWindow("7d", NOW);
    expect(new Date(w.since).toISOString()).toBe("2026-11-20T12:30:00.000Z");
    expect(w.until).toBe(NOW);
    expect(w.until - w.since).toBe(7 * 24 * H);
  });

  it("has a previous period of the same length that ends where this one starts", () => {
    for (const range of RANGES) {
      const w = timeWindow(range, NOW);
      expect(w.since - w.previousSince).toBe(w.until - w.since);
      expect(w.until - w.since).toBe(RANGE_MS[range]);
    }
    expect(new Date(timeWindow("30d", NOW).previousSince).toISOString()).toBe(
      "2026-09-28T12:30:00.000Z",
    );
  });

  it("buckets 7 days in UTC days, the first and last cut by the window", () => {
    const w = timeWindow("7d", NOW);
    const b = buckets(w).map((t) => new Date(t).toISOString().slice(0, 10));
    // 20 Nov 12:30 → 27 Nov 12:30 touches eight UTC days.
    expect(b).toEqual([
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
    ]);
    expect(w.timeZone).toBe("UTC");
    const [first, second] = buckets(w) as [number, number];
    expect(bucketSpan(w, first)).toEqual({
      from: w.since,
      to: second,
      partial: true,
      hasRuns: true,
      hasData: true,
    });
    expect(bucketSpan(w, second).partial).toBe(false);
    const last = buckets(w).at(-1) as number;
    expect(bucketSpan(w, last)).toEqual({
      from: last,
      to: NOW,
      partial: true,
      hasRuns: true,
      hasData: true,
    });
  });

  it("says where a shorter history starts, and which buckets have no data", () => {
    // 30 days asked, 14 days of history held: data from 13 Nov 12:30.
    const w = timeWindow("30d", NOW, 14 * 24 * H);
    expect(new Date(w.dataFrom).toISOString()).toBe("2026-11-13T12:30:00.000Z");
    expect(w.runsFrom).toBe(w.dataFrom);
    expect(bucketSpan(w, Date.parse("2026-11-12T00:00:00Z")).hasData).toBe(false);
    expect(bucketSpan(w, Date.parse("2026-11-13T00:00:00Z")).hasData).toBe(true);
    expect(timeWindow("7d", NOW, 14 * 24 * H).dataFrom).toBe(timeWindow("7d", NOW).since);
  });

  it("keeps every UTC day 24 h long across a European DST change", () => {
    // Europe switched back from summer time on 25 Oct 2026; UTC does not.
    const w = timeWindow("7d", Date.parse("2026-10-29T00:00:00Z"));
    const b = buckets(w);
    expect(b).toHaveLength(7);
    for (let i = 1; i < b.length; i++) expect((b[i] as number) - (b[i - 1] as number)).toBe(24 * H);
    expect(new Date(b[0] as number).toISOString()).toBe("2026-10-22T00:00:00.000Z");
  });

  it("uses whole UTC hours over 24 h, and places times in them", () => {
    const w = timeWindow("24h", NOW);
    expect(buckets(w)).toHaveLength(25); // 12:30 yesterday … 12:00 today
    expect(bucketOf(w, Date.parse("2026-11-27T03:59:59Z"))).toBe(
      Date.parse("2026-11-27T03:00:00Z"),
    );
    expect(bucketOf(w, w.since - 1)).toBeNull();
    expect(bucketOf(w, NOW)).toBeNull();
    expect(bucketOf(w, w.since)).toBe(Date.parse("2026-11-26T12:00:00Z"));
  });
});
