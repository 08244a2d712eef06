import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { failureReport } from "./failure-report";
import { teamRuns } from "./team-runs";
import { timeWindow } from "./time-range";

// One shared code location, "platform", whose assets belong to two teams by
// owner; the ml team also owns the location "ml" wholly by config.
const NOW = Date.parse("2026-11-27T12:30:00Z");
const H = 3_600_000;
const orders = assetId(["orders"]);
const model = assetId(["model"]);
const at = (h: number) => NOW - h * H;
const shared = { location: "platform" };

const runs = [
  run("orders-failed", at(5), "FAILURE", { ...shared, ...failedOn(orders) }),
  run("orders-ok", at(4), "SUCCESS", { ...shared, plannedAssetIds: [orders] }),
  run("model-failed", at(3), "FAILURE", { ...shared, ...failedOn(model) }),
  // One job over both teams' assets, failing on orders: model was planned, so
  // both teams count the failed run, but only orders failed.
  run("both", at(2), "FAILURE", {
    ...shared,
    plannedAssetIds: [orders, model],
    materializedAssetIds: [model],
    failedAssetIds: [orders],
  }),
  run("op-job-shared", at(1), "FAILURE", shared), // touches no asset, shared location
  run("op-job-ml", at(1), "FAILURE", { location: "ml" }), // touches no asset, ml's own location
  run("other-deployment", at(1), "FAILURE", {
    ...shared,
    deployment: "staging",
    ...failedOn(model),
  }),
];

const analytics = {
  assets: [{ deployment: "prod", id: orders }],
  configLocations: [],
};
const ml = {
  assets: [{ deployment: "prod", id: model }],
  configLocations: [{ deployment: "prod", location: "ml" }],
};
const ids = (scope: Parameters<typeof teamRuns>[1]) => teamRuns(runs, scope).map((r) => r.id);

describe("teamRuns", () => {
  it("gives each team of a shared location only the runs that planned or failed its assets", () => {
    expect(ids(analytics)).toEqual(["orders-failed", "orders-ok", "both"]);
    expect(ids(ml)).toEqual(["model-failed", "both", "op-job-ml"]);
  });

  it("gives runs that touch no asset to the team whose config owns the location, else to nobody", () => {
    expect(ids(ml)).toContain("op-job-ml");
    expect(ids(analytics)).not.toContain("op-job-shared");
    expect(ids(ml)).not.toContain("op-job-shared");
  });

  it("matches an asset in its own deployment only", () => {
    expect(ids(ml)).not.toContain("other-deployment");
  });

  it("narrows to the location filter", () => {
    expect(ids({ ...ml, location: "ml" })).toEqual(["op-job-ml"]);
  });
});

describe("failureReport per team in a shared location", () => {
  const w = timeWindow("24h", NOW);
  // model was materialized (by another run) between its failure and "both".
  const history = (id: string) => (id === model ? [{ at: at(2.5), runId: "later" }] : []);
  const report = (scope: typeof ml, id: string) =>
    failureReport(teamRuns(runs, scope), new Set([id]), history, () => "platform", w);

  it("counts only the team's failed runs", () => {
    expect(report(analytics, orders).totals).toMatchObject({ runsFailed: 2, runsSucceeded: 1 });
    expect(report(ml, model).totals).toMatchObject({ runsFailed: 3, runsSucceeded: 0 });
  });

  it("opens a failure episode only for the asset the run failed", () => {
    expect(report(analytics, orders).recoveries.map((r) => r.failedAt)).toEqual([
      at(5) + 10 * 60_000,
    ]);
    // "both" planned model and materialized it: no new episode after the recovery.
    expect(report(ml, model).recoveries).toEqual([
      { id: model, failedAt: at(3) + 10 * 60_000, recoveredAt: at(2.5) },
    ]);
  });

  it("lists with each recent failure the team's assets it failed", () => {
    const recent = report(ml, model).recent;
    expect(recent.find((f) => f.runId === "both")?.failedAssetKeys).toEqual([]);
    expect(recent.find((f) => f.runId === "model-failed")?.failedAssetKeys).toEqual([["model"]]);
  });
});
