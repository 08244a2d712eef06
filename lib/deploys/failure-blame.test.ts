import { describe, expect, it } from "vitest";
import type { RunRecord } from "@/lib/domain/run-types";
import { assetId } from "@/lib/domain/types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { HOUR } from "@/lib/testing/status-fixtures";
import { failureBlame } from "./failure-blame";
import type { ConsumerAsset } from "./location-graph";

// raw/source -> analytics/clean -> ml/features -> ml/model
const graph = buildGraph(
  [
    def(["source"], { location: "raw" }),
    def(["clean"], { location: "analytics" }, { upstream: [["source"]] }),
    def(["features"], { location: "ml" }, { upstream: [["clean"]] }),
    def(["model"], { location: "ml" }, { upstream: [["features"]] }),
  ],
  [],
);
const T = Date.UTC(2026, 11, 1);
const id = (name: string) => assetId([name]);
const analytics = { deployment: "prod", location: "analytics" };
const features: ConsumerAsset = { deployment: "prod", location: "ml", assetId: id("features") };
const model: ConsumerAsset = { deployment: "prod", location: "ml", assetId: id("model") };
const mlFails = run("ml", T + 2 * HOUR, "FAILURE", failedOn(id("features")));
const modelFails = run("model", T + 2 * HOUR, "FAILURE", failedOn(id("model")));

/** A run of `location` at `at` that planned `id` and failed it (or materialized it). */
const upstreamRun = (
  asset: string,
  location: string,
  at: number,
  failed: boolean,
  deployment = "prod",
) =>
  run(`${asset}-${at}`, at, failed ? "FAILURE" : "SUCCESS", {
    deployment,
    location,
    plannedAssetIds: [asset],
    materializedAssetIds: failed ? [] : [asset],
    failedAssetIds: failed ? [asset] : [],
  });

const blameWith = (runs: RunRecord[], degraded: string[] = []) =>
  failureBlame({
    graph,
    at: analytics,
    runs: [...runs, mlFails, modelFails],
    degradedNow: (deployment, asset) => deployment === "prod" && degraded.map(id).includes(asset),
  });

describe("failureBlame", () => {
  it("holds a consumer failure against the location when its asset upstream had failed", () => {
    const blame = blameWith([upstreamRun(id("clean"), "analytics", T + HOUR, true)]);
    expect(blame.run(mlFails, features)).toBe(true);
  });

  it("does not when the location's asset was fine: the consumer failed for its own reasons", () => {
    const blame = blameWith([
      upstreamRun(id("clean"), "analytics", T, true),
      upstreamRun(id("clean"), "analytics", T + HOUR, false),
    ]);
    expect(blame.run(mlFails, features)).toBe(false);
  });

  it("reads the upstream state at the consumer run's creation, not later", () => {
    const blame = blameWith([upstreamRun(id("clean"), "analytics", T + 3 * HOUR, true)]);
    expect(blame.run(mlFails, features)).toBe(false);
  });

  it("blames the root cause further upstream, not the location in between", () => {
    const runs = [
      upstreamRun(id("source"), "raw", T + HOUR / 2, true),
      upstreamRun(id("clean"), "analytics", T + HOUR, true),
    ];
    expect(blameWith(runs).run(mlFails, features)).toBe(false);
    const raw = failureBlame({
      graph,
      at: { deployment: "prod", location: "raw" },
      runs,
      degradedNow: () => false,
    });
    expect(raw.run(mlFails, features)).toBe(true);
  });

  it("traces through the consumer's own degraded assets to the location", () => {
    const runs = [
      upstreamRun(id("clean"), "analytics", T + HOUR, true),
      { ...mlFails, id: "ml-early", createdAt: T + 1.5 * HOUR },
    ];
    expect(blameWith(runs).run(modelFails, model)).toBe(true);
  });

  it("ignores another deployment's runs of the same key", () => {
    const blame = blameWith([upstreamRun(id("clean"), "analytics", T + HOUR, true, "staging")]);
    expect(blame.run(mlFails, features)).toBe(false);
  });

  it("judges a consumer degraded now by the root cause now", () => {
    expect(blameWith([], ["features", "clean"]).now(features)).toBe(true);
    expect(blameWith([], ["features"]).now(features)).toBe(false);
    expect(blameWith([], ["features", "clean", "source"]).now(features)).toBe(false);
    // Not degraded: nothing to blame, whatever is upstream.
    expect(blameWith([], ["clean"]).now(features)).toBe(false);
  });
});
