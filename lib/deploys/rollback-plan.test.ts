import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import type { VersionAsset } from "./deploy-types";
import { consumersOf } from "./location-graph";
import { narrowToChanged, type RollbackPlan, rollbackPlan } from "./rollback-plan";
import type { LocationVersion } from "./version-history";

// Live: analytics owns clean (code version 2), orders and fresh (new); `old`
// was removed but ml/legacy still reads it. ml/features reads clean,
// ml/churn reads orders, finance/report reads ml/features.
const live = [
  def(["clean"], { location: "analytics" }, {}, { codeVersion: "2" }),
  def(["orders"], { location: "analytics" }, {}, { codeVersion: "1" }),
  def(["fresh"], { location: "analytics" }),
];
const graph = buildGraph(
  [
    ...live,
    def(["features"], { location: "ml" }, { upstream: [["clean"]] }),
    def(["churn"], { location: "ml" }, { upstream: [["orders"]] }),
    def(["legacy"], { location: "ml" }, { upstream: [["old"]] }),
    def(["report"], { location: "finance" }, { upstream: [["features"]] }),
  ],
  [],
);
const target: VersionAsset[] = [
  def(["clean"], { location: "analytics" }, {}, { codeVersion: "1" }),
  def(["orders"], { location: "analytics" }, {}, { codeVersion: "1" }),
  def(["old"], { location: "analytics" }),
];
const at = { deployment: "prod", location: "analytics" };
const id = (name: string) => assetId([name]);

const version = (over: Partial<LocationVersion>): LocationVersion => ({
  kind: "deploy",
  fingerprint: "f",
  version: null,
  from: 0,
  until: null,
  durationMs: 0,
  loaded: true,
  error: null,
  annotation: null,
  ownFailures: 0,
  consumerFailures: 0,
  causedFailures: 0,
  consumersDegradedNow: [],
  causedDegradedNow: [],
  good: true,
  lastKnownGood: false,
  impact: null,
  ...over,
});

describe("rollback plan", () => {
  const history = [
    version({ fingerprint: "f2", from: 10, good: false }),
    version({ fingerprint: "f1", from: 0, until: 10, lastKnownGood: true }),
  ];
  const plan: RollbackPlan = rollbackPlan(history, consumersOf(graph, at));

  it("rolls back to the last known good and, without definitions, names every reader", () => {
    expect(plan).toMatchObject({ needed: true, basis: "all", target: { fingerprint: "f1" } });
    expect(plan.dependents).toEqual([
      { location: "finance", assets: [id("report")], via: [] },
      { location: "ml", assets: [id("churn"), id("features")].sort(), via: [] },
    ]);
  });

  it("names only the readers of the assets that changed, with the changed assets they read", () => {
    const narrowed = narrowToChanged(plan, graph, at, { target, live });
    expect(narrowed.basis).toBe("changed");
    expect(narrowed.changedAssets).toEqual([id("clean"), id("fresh"), id("old")].sort());
    // churn reads only orders, unchanged: ml is told about features and legacy alone.
    expect(narrowed.dependents).toEqual([
      { location: "finance", assets: [id("report")], via: [id("clean")] },
      {
        location: "ml",
        assets: [id("features"), id("legacy")].sort(),
        via: [id("clean"), id("old")].sort(),
      },
    ]);
    expect(narrowed.target).toBe(plan.target);
  });

  it("names nobody when no definition a reader sees changed", () => {
    const same = narrowToChanged(plan, graph, at, { target: live, live });
    expect(same).toMatchObject({ basis: "changed", changedAssets: [], dependents: [] });
  });
});
