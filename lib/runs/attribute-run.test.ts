import { describe, expect, it } from "vitest";
import type { RunFacts } from "@/lib/domain/run-types";
import { assetId } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { runFacts } from "@/lib/testing/run-fixtures";
import { attributeRun, jobAssetIndex, plannedAssets } from "./attribute-run";

/** An asset of the ml-platform location, computed by `ops`, in `jobs`. */
const asset = (path: string[], ops: string[], jobs = ["__ASSET_JOB", "ml_training"]) =>
  def(path, { location: "ml-platform" }, {}, { jobNames: jobs, opNames: ops });
const features = asset(["customer_features"], ["customer_features"]);
const embeddings = asset(["ml", "product_embeddings"], ["ml__product_embeddings"]);
const model = asset(["recommendation_model"], ["recommendation_model"]);
// A graph-backed asset: its ops are node handles inside the graph.
const graphAsset = asset(["scores"], ["scores_graph.load", "scores_graph.score"], ["scoring"]);
const index = jobAssetIndex([features, embeddings, model, graphAsset]);

/** A successful run of ml_training in ml-platform. */
const facts = (extra: Partial<RunFacts>) =>
  runFacts("r1", 0, { location: "ml-platform", job: "ml_training", ...extra });

describe("plannedAssets", () => {
  it("attributes a job run with no asset selection to all of its job's assets", () => {
    expect(plannedAssets(facts({}), index).sort()).toEqual(
      [features, embeddings, model].map((a) => a.id).sort(),
    );
  });

  it("narrows a subset run to the assets of the steps it executed", () => {
    const run = facts({ stepKeysToExecute: ["ml__product_embeddings", "recommendation_model"] });
    expect(plannedAssets(run, index).sort()).toEqual([embeddings.id, model.id].sort());
  });

  it("matches graph-backed assets and dynamic steps by their op handle", () => {
    const run = facts({ job: "scoring", stepKeysToExecute: ["scores_graph.score[part_3]"] });
    expect(plannedAssets(run, index)).toEqual([graphAsset.id]);
  });

  it("takes an asset selection as it is, whatever the job", () => {
    const run = facts({ job: "__ASSET_JOB", assetSelection: [model.id] });
    expect(plannedAssets(run, index)).toEqual([model.id]);
  });

  it("attributes an op job (no assets) to nothing", () => {
    expect(plannedAssets(facts({ job: "cleanup_tmp" }), index)).toEqual([]);
  });
});

describe("attributeRun", () => {
  it("lets a failed run's events decide what it planned, materialized and failed", () => {
    const outcome = {
      plannedAssetIds: [features.id, model.id],
      materializedAssetIds: [features.id],
      failedAssetIds: [model.id],
      error: { className: "ValueError", message: "bad input", stepKey: "recommendation_model" },
    };
    const r = attributeRun(facts({ status: "FAILURE" }), outcome, index);
    expect(r.plannedAssetIds).toEqual([features.id, model.id]);
    expect(r.failedAssetIds).toEqual([model.id]);
    expect(r.materializedAssetIds).toEqual([features.id]);
    expect(r.error?.className).toBe("ValueError");
    expect(r).not.toHaveProperty("assetSelection");
  });

  it("keeps the job's assets as planned when a failed run planned nothing by its events", () => {
    const outcome = {
      plannedAssetIds: [],
      materializedAssetIds: [],
      failedAssetIds: [],
      error: { className: null, message: "launch failed", stepKey: null },
    };
    const r = attributeRun(facts({ status: "FAILURE" }), outcome, index);
    expect(r.plannedAssetIds).toHaveLength(3);
    expect(r.failedAssetIds).toEqual([]);
  });

  it("marks what it materialized as unknown when the events were not read", () => {
    const r = attributeRun(facts({}), null, index);
    expect(r.materializedAssetIds).toBeNull();
    expect(r.failedAssetIds).toEqual([]);
    expect(r.error).toBeNull();
    expect(r.plannedAssetIds).toContain(assetId(["recommendation_model"]));
  });
});
