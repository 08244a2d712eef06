import { describe, expect, it } from "vitest";
import { def } from "@/lib/testing/asset-fixtures";
import { status } from "@/lib/testing/snapshot-fixtures";
import { ChangePlanner, type PlannedLocation } from "./change-planner";

const a = def(["a"], { location: "one" });
const b = def(["b"], { location: "one" });
const c = def(["c"], { location: "two" });
const fresh = def(
  ["fresh"],
  { location: "two" },
  {},
  {
    freshnessPolicy: { kind: "time-window", failWindowSeconds: 300, warnWindowSeconds: null },
  },
);
const locations = (keyOne = "k1"): PlannedLocation[] => [
  { name: "one", versionKey: keyOne, assets: [a, b] },
  { name: "two", versionKey: "k2", assets: [c, fresh] },
];
const statuses = new Map([a, b, c, fresh].map((x) => [x.id, status({ lastMaterializedAt: 0 })]));

function planner() {
  return new ChangePlanner({ sweepMs: 600_000, followUpMs: 60_000 });
}

describe("ChangePlanner", () => {
  it("sweeps first, then reads only what the feed touched", () => {
    const p = planner();
    const first = p.plan(0, locations(), statuses, new Set());
    expect(first.sweep).toBe(true);
    p.done(first, true, locations());
    const next = p.plan(30_000, locations(), statuses, new Set([b.id]));
    expect(next.sweep).toBe(false);
    expect([...next.ids]).toEqual([b.id]);
  });

  it("sweeps when the feed cannot say, after a failed refresh, and every sweep period", () => {
    const p = planner();
    const first = p.plan(0, locations(), statuses, new Set());
    p.done(first, true, locations());
    expect(p.plan(30_000, locations(), statuses, null).sweep).toBe(true);
    const failed = p.plan(30_000, locations(), statuses, new Set());
    p.done(failed, false, locations());
    const after = p.plan(60_000, locations(), statuses, new Set());
    expect(after.sweep).toBe(true);
    p.done(after, true, locations());
    expect(p.plan(600_000, locations(), statuses, new Set()).sweep).toBe(false);
    expect(p.plan(660_000, locations(), statuses, new Set()).sweep).toBe(true);
  });

  it("re-reads a touched asset during the follow-up, then stops", () => {
    const p = planner();
    p.done(p.plan(0, locations(), statuses, new Set()), true, locations());
    const touched = p.plan(10_000, locations(), statuses, new Set([a.id]));
    p.done(touched, true, locations());
    const during = p.plan(40_000, locations(), statuses, new Set());
    expect([...during.ids]).toEqual([a.id]);
    p.done(during, true, locations());
    expect([...p.plan(80_000, locations(), statuses, new Set()).ids]).toEqual([]);
  });

  it("re-reads every asset of a location whose version key moved, and assets never read", () => {
    const p = planner();
    p.done(p.plan(0, locations(), statuses, new Set()), true, locations());
    const moved = p.plan(10_000, locations("k1-reloaded"), statuses, new Set());
    expect([...moved.ids].sort()).toEqual([a.id, b.id]);
    const q = planner();
    q.done(q.plan(0, locations(), statuses, new Set()), true, locations());
    const unknown = new Map(statuses);
    unknown.delete(c.id);
    expect([...q.plan(10_000, locations(), unknown, new Set()).ids]).toEqual([c.id]);
  });

  it("keeps re-reading a reloaded location's assets during the follow-up (Dagster re-evaluates after a reload)", () => {
    const p = planner();
    p.done(p.plan(0, locations(), statuses, new Set()), true, locations());
    const reload = p.plan(10_000, locations("k1-reloaded"), statuses, new Set());
    p.done(reload, true, locations("k1-reloaded"));
    const during = p.plan(40_000, locations("k1-reloaded"), statuses, new Set());
    expect([...during.ids].sort()).toEqual([a.id, b.id].sort());
    p.done(during, true, locations("k1-reloaded"));
    expect([...p.plan(80_000, locations("k1-reloaded"), statuses, new Set()).ids]).toEqual([]);
  });

  it("re-reads an asset whose freshness window ends between two refreshes", () => {
    const p = planner();
    p.done(p.plan(0, locations(), statuses, new Set()), true, locations());
    // The fail window (300 s after the materialization at 0) ends at 300_000.
    const before = p.plan(270_000, locations(), statuses, new Set());
    expect(before.ids.has(fresh.id)).toBe(false);
    p.done(before, true, locations());
    expect(p.plan(299_999, locations(), statuses, new Set()).ids.has(fresh.id)).toBe(false);
    const crossing = p.plan(300_000, locations(), statuses, new Set());
    expect(crossing.sweep).toBe(false);
    expect([...crossing.ids]).toEqual([fresh.id]);
  });
});
