import { describe, expect, it } from "vitest";
import type { RunFacts, RunOutcome } from "@/lib/domain/run-types";
import { def } from "@/lib/testing/asset-fixtures";
import { runFacts as facts } from "@/lib/testing/run-fixtures";
import { RunCollector, type RunLocation, type RunSource } from "./run-collector";

const D = 86_400_000;
const T0 = Date.parse("2026-11-27T12:00:00Z");

const model = def(["model"], { location: "ml" }, {}, { jobNames: ["train"], opNames: ["model"] });
const features = def(["features"], { location: "ml" }, {}, { opNames: ["features"] });

/** A fake Dagster: serves runs by filter, counts every call. */
function fakeSource(runs: RunFacts[]) {
  const calls: { location: string; filter: Record<string, number> }[] = [];
  const outcomeCalls: string[] = [];
  const outcomes = new Map<string, RunOutcome | Error>();
  const source: RunSource = {
    async fetchRuns(location, filter) {
      calls.push({ location, filter: filter as Record<string, number> });
      return runs.filter(
        (r) =>
          r.location === location &&
          (filter.createdAfter === undefined || r.createdAt / 1000 > filter.createdAfter) &&
          (filter.updatedAfter === undefined || (r.updatedAt ?? 0) / 1000 > filter.updatedAfter),
      );
    },
    async fetchOutcome(runId) {
      outcomeCalls.push(runId);
      const o = outcomes.get(runId);
      if (o instanceof Error) throw o;
      return (
        o ?? { plannedAssetIds: [], materializedAssetIds: [], failedAssetIds: [], error: null }
      );
    },
  };
  return { source, calls, outcomeCalls, outcomes, runs };
}

function setup(runs: RunFacts[]) {
  const fake = fakeSource(runs);
  let now = T0;
  const collector = new RunCollector(fake.source, { windowMs: 7 * D, now: () => now });
  return { ...fake, collector, advance: (ms: number) => (now += ms) };
}

const ml = (assets = [model, features]): RunLocation[] => [{ name: "ml", assets }];

describe("RunCollector", () => {
  it("fetches the window first, then only runs updated since the last fetch", async () => {
    const t = setup([facts("old", T0 - 8 * D), facts("a", T0 - D)]);
    expect(await t.collector.refresh(ml())).toBe(true);
    expect(t.collector.state().runs.map((r) => r.id)).toEqual(["a"]);
    t.advance(60_000);
    expect(await t.collector.refresh(ml())).toBe(false);
    expect(t.calls[0]?.filter).toEqual({ createdAfter: (T0 - 7 * D) / 1000 });
    expect(t.calls[1]?.filter).toEqual({ updatedAfter: (T0 - 60_000) / 1000 });
  });

  it("skips a location the change feed calls unchanged, unless its last fetch failed", async () => {
    const t = setup([facts("a", T0 - D)]);
    await t.collector.refresh(ml());
    const unchanged = new Set(["ml"]);
    t.advance(10_000);
    await t.collector.refresh(ml(), unchanged);
    expect(t.calls).toHaveLength(1);
    // The feed named a new run once, and the fetch that should read it failed.
    const fetchRuns = t.source.fetchRuns;
    t.source.fetchRuns = async () => {
      throw new Error("dagster down");
    };
    t.runs.push(facts("b", T0 + 15_000, { updatedAt: T0 + 15_000 }));
    t.advance(10_000);
    await t.collector.refresh(ml());
    expect(t.collector.state().error).toMatch(/dagster down/);
    t.source.fetchRuns = fetchRuns;
    // The next refresh hears nothing new from the feed, yet asks again.
    t.advance(10_000);
    await t.collector.refresh(ml(), unchanged);
    expect(t.calls).toHaveLength(2);
    expect(t.collector.state().runs.map((r) => r.id)).toEqual(["b", "a"]);
    t.advance(10_000);
    await t.collector.refresh(ml(), unchanged);
    expect(t.calls).toHaveLength(2);
  });

  it("attributes a job run without asset selection to its job's assets", async () => {
    const t = setup([facts("a", T0 - D)]);
    await t.collector.refresh(ml());
    expect(t.collector.state().runs[0]?.plannedAssetIds).toEqual([model.id]);
  });

  it("reads the events of failed runs only, once per run id", async () => {
    const t = setup([facts("ok", T0 - D), facts("bad", T0 - D / 2, { status: "FAILURE" })]);
    t.outcomes.set("bad", {
      plannedAssetIds: [model.id],
      materializedAssetIds: [],
      failedAssetIds: [model.id],
      error: { className: "ValueError", message: "boom", stepKey: "model" },
    });
    await t.collector.refresh(ml());
    // The failed run is updated again (e.g. a tag): it is refetched, its events are not.
    const bad = t.runs.find((r) => r.id === "bad") as RunFacts;
    bad.updatedAt = T0 + 30_000;
    t.advance(60_000);
    await t.collector.refresh(ml());
    expect(t.outcomeCalls).toEqual(["bad"]);
    const record = t.collector.state().runs.find((r) => r.id === "bad");
    expect(record?.failedAssetIds).toEqual([model.id]);
    expect(record?.error?.message).toBe("boom");
  });

  it("reports a failed event read, attributes the run from the run list meanwhile, and retries", async () => {
    const t = setup([facts("bad", T0 - D, { status: "FAILURE" })]);
    t.outcomes.set("bad", new Error("timed out"));
    await t.collector.refresh(ml());
    let state = t.collector.state();
    expect(state.error).toMatch(/run bad: timed out/);
    expect(state.runs[0]?.plannedAssetIds).toEqual([model.id]);
    expect(state.runs[0]?.materializedAssetIds).toBeNull();

    t.outcomes.set("bad", {
      plannedAssetIds: [model.id],
      materializedAssetIds: [],
      failedAssetIds: [model.id],
      error: null,
    });
    t.advance(60_000);
    expect(await t.collector.refresh(ml())).toBe(true);
    state = t.collector.state();
    expect(state.error).toBeNull();
    expect(state.runs[0]?.failedAssetIds).toEqual([model.id]);
    expect(t.outcomeCalls).toEqual(["bad", "bad"]);
  });

  it("re-attributes stored runs when the location's definitions change, without refetching them", async () => {
    const t = setup([facts("a", T0 - D)]);
    await t.collector.refresh(ml([features]));
    expect(t.collector.state().runs[0]?.plannedAssetIds).toEqual([]);
    t.advance(60_000);
    expect(await t.collector.refresh(ml([model, features]))).toBe(true);
    expect(t.collector.state().runs[0]?.plannedAssetIds).toEqual([model.id]);
  });

  it("drops runs that leave the window, and a location that is gone", async () => {
    const t = setup([facts("a", T0 - 6 * D), facts("b", T0 - D)]);
    await t.collector.refresh(ml());
    t.advance(2 * D);
    expect(await t.collector.refresh(ml())).toBe(true);
    expect(t.collector.state().runs.map((r) => r.id)).toEqual(["b"]);
    expect(await t.collector.refresh([])).toBe(true);
    expect(t.collector.state()).toMatchObject({ runs: [], asOf: null });
  });

  it("bounds the event reads of one refresh, newest first", async () => {
    const failed = [1, 2, 3].map((i) => facts(`f${i}`, T0 - i * 3_600_000, { status: "FAILURE" }));
    const fake = fakeSource(failed);
    const collector = new RunCollector(fake.source, {
      windowMs: 7 * D,
      now: () => T0,
      maxOutcomeReads: 2,
    });
    await collector.refresh(ml());
    expect(fake.outcomeCalls.sort()).toEqual(["f1", "f2"]);
    await collector.refresh(ml());
    expect(fake.outcomeCalls).toHaveLength(3);
    expect(fake.outcomeCalls).toContain("f3");
  });
});
