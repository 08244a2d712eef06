import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { def } from "@/lib/testing/asset-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { assetDetail } from "./asset-detail";

const model = ["recommendation_model"];
const id = assetId(model);
const upstream = assetId(["features"]);
const H = 3_600_000;
const error = { className: "ValueError", message: "bad input", stepKey: "recommendation_model" };

/** The parts of a snapshot the asset detail reads. */
function snapshot(runs: ReturnType<typeof run>[], lastMaterializedAt: number): HealthSnapshot {
  const defs = [def(model, { location: "ml" }), def(["features"], { location: "ml" })];
  return {
    graph: buildGraph(defs, []),
    health: new Map(),
    statuses: new Map([
      [
        definitionKey("prod", id),
        { lastMaterializedAt, inProgressRunIds: [] } as unknown as AssetStatus,
      ],
    ]),
    runs,
    outages: [],
  } as unknown as HealthSnapshot;
}

describe("assetDetail failures", () => {
  const jobRunFailedHere = run("job-run", 10 * H, "FAILURE", { ...failedOn(id), error });
  const failedUpstream = run("upstream", 12 * H, "FAILURE", {
    plannedAssetIds: [upstream, id],
    materializedAssetIds: [],
    failedAssetIds: [upstream],
  });
  const otherDeployment = run("staging", 13 * H, "FAILURE", {
    deployment: "staging",
    ...failedOn(id),
  });

  it("lists failed runs that planned or failed the asset, with the error where its own step failed", () => {
    const d = assetDetail(snapshot([jobRunFailedHere, failedUpstream, otherDeployment], 0), model);
    expect(d?.recentFailures.map((f) => [f.runId, f.failedHere])).toEqual([
      ["upstream", false],
      ["job-run", true],
    ]);
    expect(d?.recentFailures[1]?.error).toEqual(error);
  });

  it("does not claim where a run failed before its events are read", () => {
    const unread = run("unread", 14 * H, "FAILURE", { plannedAssetIds: [id] });
    const d = assetDetail(snapshot([unread], 0), model);
    expect(d?.recentFailures[0]?.failedHere).toBeNull();
    expect(d?.ownFailure).toBeNull();
  });

  it("names the asset's own failed run as root cause until it is materialized again", () => {
    expect(assetDetail(snapshot([jobRunFailedHere], 0), model)?.ownFailure?.runId).toBe("job-run");
    expect(assetDetail(snapshot([jobRunFailedHere], 11 * H), model)?.ownFailure).toBeNull();
  });

  it("judges its own failure within the failed run's deployment, not by another deployment's materialization", () => {
    // The key in prod and staging; staging's run failed it at 13 h; only prod
    // materialized since (14 h). Staging's failure still stands.
    const defs = [
      def(model, { location: "ml" }),
      def(model, { deployment: "staging", location: "ml" }),
    ];
    const snap = {
      ...snapshot([otherDeployment], 0),
      graph: buildGraph(defs, []),
      statuses: new Map([
        [definitionKey("prod", id), { lastMaterializedAt: 14 * H, inProgressRunIds: [] }],
        [definitionKey("staging", id), { lastMaterializedAt: 0, inProgressRunIds: [] }],
      ]),
    } as unknown as HealthSnapshot;
    expect(assetDetail(snap, model)?.ownFailure?.runId).toBe("staging");
  });
});
