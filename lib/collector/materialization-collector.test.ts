import { describe, expect, it } from "vitest";
import type { MaterializationRecord } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { MaterializationCollector, type MaterializationSource } from "./materialization-collector";

const H = 3_600_000;

/** A Dagster-like store: events in storage order, pages newest stored first, cursor = index. */
function fakeSource(events: Map<string, MaterializationRecord[]>) {
  const calls: { ids: string[]; cursor?: string }[] = [];
  const source: MaterializationSource = {
    async fetchPage(batch, afterMs, limit, cursor) {
      calls.push({ ids: batch.map((a) => a.id), cursor });
      const out = new Map();
      for (const a of batch) {
        const stored = (events.get(a.id) ?? []).filter((m) => m.at > afterMs);
        const start = cursor === undefined ? stored.length : Number(cursor);
        const page = stored.slice(Math.max(0, start - limit), start).reverse();
        out.set(a.id, { records: page, cursor: String(Math.max(0, start - limit)) });
      }
      return out;
    },
  };
  return { source, calls };
}

describe("MaterializationCollector", () => {
  const a = def(["a"], {});
  const b = def(["b"], {});
  const hourly = (n: number, end: number) =>
    Array.from({ length: n }, (_, i) => ({ at: end - (n - i) * H, runId: `r${i}` }));

  function collector(source: MaterializationSource, clock: { now: number }, maxPages = 3) {
    return new MaterializationCollector(source, {
      windowMs: 100 * H,
      batchSize: 10,
      parallelism: 1,
      now: () => clock.now,
      pageLimit: 10,
      maxPages,
    });
  }

  it("follows full pages with their cursor until an asset's history is exhausted", async () => {
    const clock = { now: 1_000 * H };
    const events = new Map([
      [a.id, hourly(25, clock.now)],
      [b.id, hourly(4, clock.now)],
    ]);
    const { source, calls } = fakeSource(events);
    const c = collector(source, clock);
    await c.refresh([a, b] as AssetDefinition[]);
    const s = c.state();
    expect(s.history.get(a.id)).toHaveLength(25);
    expect(s.history.get(b.id)).toHaveLength(4);
    expect(s.partialFrom.size).toBe(0);
    // One batch page, then two more pages for "a" alone (25 = 10 + 10 + 5).
    expect(calls).toEqual([
      { ids: [a.id, b.id], cursor: undefined },
      { ids: [a.id], cursor: "15" },
      { ids: [a.id], cursor: "5" },
    ]);
  });

  it("marks a history partial from its oldest event held when the page bound is hit", async () => {
    const clock = { now: 1_000 * H };
    // 40 hourly events, at most 3 pages of 10: the newest 30 are held.
    const { source } = fakeSource(new Map([[a.id, hourly(40, clock.now)]]));
    const c = collector(source, clock);
    await c.refresh([a]);
    const s = c.state();
    expect(s.history.get(a.id)).toHaveLength(30);
    expect(s.partialFrom.get(a.id)).toBe(clock.now - 30 * H);
    // 71 h later the gap (events older than now − 30 h) has left the 100 h window.
    clock.now += 71 * H;
    await c.refresh([a]);
    expect(c.state().partialFrom.has(a.id)).toBe(false);
  });

  it("asks only about the assets named incrementally, from the last full fetch on", async () => {
    const clock = { now: 1_000 * H };
    const events = new Map([
      [a.id, hourly(2, clock.now)],
      [b.id, hourly(2, clock.now)],
    ]);
    const { source, calls } = fakeSource(events);
    const c = collector(source, clock);
    await c.refresh([a, b]);
    // Two new events of b, one stored before and one after an incremental pass.
    clock.now += 2 * H;
    events.set(b.id, [...hourly(2, 1_000 * H), { at: clock.now - H, runId: "late" }]);
    await c.refresh([a, b], new Set([b.id]));
    expect(calls.at(-1)?.ids).toEqual([b.id]);
    expect(c.state().history.get(b.id)).toHaveLength(3);
    // A full pass still starts from the previous full fetch: nothing is skipped.
    clock.now += 2 * H;
    events.set(a.id, [...hourly(2, 1_000 * H), { at: 1_000 * H + H, runId: "a-late" }]);
    await c.refresh([a, b]);
    expect(c.state().history.get(a.id)).toHaveLength(3);
  });
});
