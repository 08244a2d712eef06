import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { dependencyReport } from "./dependency-report";
import { executionTimes, percentile } from "./execution-times";
import { failureReport, median } from "./failure-report";
import { timeWindow } from "./time-range";

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse("2026-11-27T12:30:00Z");

describe("failureReport", () => {
  const w = timeWindow("7d", NOW);
  const id = assetId(["model"]);
  const day = (n: number) => w.since + n * D + 3 * H;

  it("counts runs per day and location by creation time, and lists recent failures", () => {
    const runs = [
      run("s1", day(0), "SUCCESS"),
      run("f1", day(0), "FAILURE"),
      run("f2", day(2), "FAILURE"),
      run("old", w.since - D, "FAILURE"),
    ];
    const r = failureReport(runs, [], () => [], w);
    expect(r.totals).toEqual({ runsSucceeded: 1, runsFailed: 2, materializations: 0 });
    // The window starts 2026-11-20 12:30 UTC; its first day bucket is that UTC day.
    const first = r.trend.find((p) => p.bucket === Date.parse("2026-11-20T00:00:00Z"));
    expect(first).toMatchObject({ runsSucceeded: 1, runsFailed: 1 });
    expect(r.recent.map((f) => f.runId)).toEqual(["f2", "f1"]);
    expect(r.recent[0]?.reason).toBe("STEP_FAILURE");
  });

  it("measures time to recovery from a failure that did not materialize the asset to its next materialization", () => {
    const runs = [
      run("f1", day(1), "FAILURE", failedOn(id)),
      run("f2", day(1) + 2 * H, "FAILURE", failedOn(id)), // same episode
      run("f3", day(4), "FAILURE", failedOn(id)), // materialized before the run failed: not an asset failure
      run("f4", day(5), "FAILURE", failedOn(id)), // never recovered
    ];
    const history = [
      { at: day(0), runId: "s0" },
      { at: day(1) + 5 * H, runId: "s1" },
      { at: day(4) + 60_000, runId: "f3" },
    ];
    const r = failureReport(runs, [{ deployment: "prod", id, location: "ml" }], () => history, w);
    const failedAt = day(1) + 10 * 60_000;
    expect(r.recoveries).toEqual([
      { id, deployment: "prod", failedAt: day(5) + 10 * 60_000, recoveredAt: null },
      { id, deployment: "prod", failedAt, recoveredAt: day(1) + 5 * H },
    ]);
    expect(r.medianRecoveryMs).toBe(day(1) + 5 * H - failedAt);
    expect(r.totals.materializations).toBe(3);
    // Another asset's history cut short moves dataFrom past day 1: the total,
    // like the chart, counts materializations from there on only.
    const cut = failureReport(runs, [{ deployment: "prod", id, location: "ml" }], () => history, {
      ...w,
      dataFrom: day(2),
    });
    expect(cut.totals.materializations).toBe(1);
    expect(cut.totals.runsFailed).toBe(4); // runs are held from runsFrom, the window's start
  });

  it("keeps a key owned in two deployments apart: one deployment's failure is not the other's", () => {
    // The same key in staging and prod; only the staging run failed it, and only
    // prod was materialized since. Staging's episode stays open; prod has none.
    const runs = [run("f1", day(1), "FAILURE", { ...failedOn(id), deployment: "staging" })];
    const assets = [
      { deployment: "prod", id, location: "ml" },
      { deployment: "staging", id, location: "ml" },
    ];
    const history = (a: { deployment: string }) =>
      a.deployment === "prod" ? [{ at: day(2), runId: "p1" }] : [];
    const r = failureReport(runs, assets, history, w);
    expect(r.recoveries).toEqual([
      { id, deployment: "staging", failedAt: day(1) + 10 * 60_000, recoveredAt: null },
    ]);
    expect(r.recent[0]?.failedAssetKeys).toEqual([["model"]]);
  });

  it("has a median helper for odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("executionTimes", () => {
  it("computes nearest-rank p50 and p95 per bucket", () => {
    const w = timeWindow("7d", NOW);
    const runs = Array.from({ length: 20 }, (_, i) =>
      run(`r${i}`, w.since + H, "SUCCESS", { startedAt: 0, endedAt: (i + 1) * 1000 }),
    );
    const first = executionTimes(runs, w).find(
      (p) => p.bucket === Date.parse("2026-11-20T00:00:00Z"),
    );
    expect(first).toMatchObject({ runs: 20, p50Ms: 10_000, p95Ms: 19_000 });
    expect(percentile([], 50)).toBeNull();
  });
});

describe("dependencyReport", () => {
  it("lists other teams' upstream assets and flags downstream consumers at risk", () => {
    const teams = [
      { slug: "analytics", name: "A", owners: ["team:analytics"], locations: [] },
      { slug: "ml", name: "M", owners: ["team:ml"], locations: [] },
      { slug: "finance", name: "F", owners: ["team:finance"], locations: [] },
    ];
    const owner = (team: string) => ({ owners: [{ kind: "team" as const, team }] });
    const graph = buildGraph(
      [
        def(["orders"], { location: "a" }, {}, owner("analytics")),
        def(["features"], { location: "m" }, { upstream: [["orders"]] }, owner("ml")),
        def(["model"], { location: "m" }, { upstream: [["features"], ["s3", "raw"]] }, owner("ml")),
        def(["forecast"], { location: "f" }, { upstream: [["model"]] }, owner("finance")),
        def(["report"], { location: "f" }, { upstream: [["features"]] }, owner("finance")),
      ],
      teams,
    );
    const h = (overall: AssetHealth["overall"]): AssetHealth => ({
      overall,
      materialization: overall,
      freshness: "NOT_APPLICABLE",
      checks: "NOT_APPLICABLE",
      source: "computed",
    });
    const health = new Map([
      [assetId(["orders"]), h("DEGRADED")],
      [assetId(["features"]), h("HEALTHY")],
      [assetId(["model"]), h("DEGRADED")],
      [assetId(["forecast"]), h("HEALTHY")],
      [assetId(["report"]), h("HEALTHY")],
    ]);
    const ml = new Set([assetId(["features"]), assetId(["model"])]);
    const r = dependencyReport(graph, health, ml, "ml");
    expect(r.upstream.map((u) => [u.key, u.team, u.health, u.isStub])).toEqual([
      [["orders"], "analytics", "DEGRADED", false],
      [["s3", "raw"], null, "UNKNOWN", true],
    ]);
    expect(r.upstream[0]?.via).toEqual([["features"]]);
    expect(r.downstream.map((d) => [d.key, d.atRisk])).toEqual([
      [["forecast"], true],
      [["report"], false],
    ]);
    // Why: forecast reads ml's model, which is degraded; report reads only healthy features.
    expect(r.downstream.map((d) => d.atRiskFrom)).toEqual([
      [{ key: ["model"], health: "DEGRADED" }],
      [],
    ]);
  });
});
