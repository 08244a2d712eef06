import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import { buildGraph } from "@/lib/lineage/build-graph";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { def } from "@/lib/testing/asset-fixtures";
import { annotation, deployEvent, loadedLocation } from "@/lib/testing/deploy-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { HOUR } from "@/lib/testing/status-fixtures";
import { deploymentOrder, locationVersions } from "./location-versions";
import { upstreamDeployNotes, upstreamLocations } from "./upstream-deploys";

// analytics/clean -> ml/features (through a reference) -> finance/report
const definitions = [
  def(["clean"], { location: "analytics" }),
  def(["clean"], { location: "ml" }, {}, { isMaterializable: false, isExecutable: false }),
  def(["features"], { location: "ml" }, { upstream: [["clean"]] }),
  def(["report"], { location: "finance" }, { upstream: [["features"]] }),
];
const T = Date.UTC(2026, 11, 1, 10, 2);
const features = assetId(["features"]);
const ev = deployEvent;
const health = (overall: AssetHealth["overall"]): AssetHealth => ({
  overall,
  materialization: overall,
  freshness: "NOT_APPLICABLE",
  checks: "NOT_APPLICABLE",
  source: "computed",
});

/** ML's features fail after analytics' deploy; `cleanFailed`: analytics' own asset had failed first. */
function snapshot(degradedFeatures: boolean, cleanFailed = true) {
  const clean = assetId(["clean"]);
  return {
    graph: buildGraph(definitions, []),
    runs: [
      run("ml-1", T + HOUR, "FAILURE", failedOn(features)),
      ...(cleanFailed
        ? [run("an-1", T + HOUR / 2, "FAILURE", { ...failedOn(clean), location: "analytics" })]
        : []),
    ],
    definitionHealth: new Map([
      [definitionKey("prod", features), health(degradedFeatures ? "DEGRADED" : "HEALTHY")],
      [definitionKey("prod", clean), health(cleanFailed ? "DEGRADED" : "HEALTHY")],
    ]),
    locations: ["analytics", "ml", "finance"].map((name) => loadedLocation(name, T)),
  };
}

const input = (degraded: boolean) => ({
  snapshot: snapshot(degraded),
  events: [ev("observed", T - 5 * HOUR, "f1"), ev("deploy", T, "f2")],
  annotations: [
    annotation("abc123", T + 30_000),
    // Another deployment's annotation for the same location never matches here.
    annotation("zzz999", T - 5 * HOUR, { environment: "staging", author: "bob" }),
  ],
  now: T + 3 * HOUR,
  dataFrom: T - 24 * HOUR,
});

describe("locationVersions", () => {
  it("matches an annotation that names the deployment's environment instead of the deployment", () => {
    const byEnvironment = {
      ...input(true),
      annotations: [annotation("abc123", T + 30_000, { environment: "production" })],
    };
    const at = { deployment: "prod", location: "analytics" };
    const without = locationVersions(at, byEnvironment);
    expect(without.versions[0]?.annotation ?? null).toBeNull();
    const withEnv = locationVersions(at, { ...byEnvironment, environmentOf: () => "production" });
    expect(withEnv.versions[0]?.annotation?.commit).toBe("abc123");
  });

  it("joins history, annotations, consumers' health and the rollback plan", () => {
    const report = locationVersions({ deployment: "prod", location: "analytics" }, input(true));
    expect(
      report.versions.map((v) => [v.fingerprint, v.annotation?.commit, v.lastKnownGood]),
    ).toEqual([
      ["f2", "abc123", false],
      ["f1", undefined, true],
    ]);
    expect(report.versions[0]?.consumersDegradedNow).toEqual([features]);
    expect(report.rollback).toMatchObject({ needed: true, target: { fingerprint: "f1" } });
    expect(report.rollback.dependents.map((d) => d.location)).toEqual(["finance", "ml"]);
  });

  it("keeps a version good when its consumers fail for their own reasons", () => {
    const own = { ...input(true), snapshot: snapshot(true, false) };
    const report = locationVersions({ deployment: "prod", location: "analytics" }, own);
    expect(
      report.versions.map((v) => [v.consumerFailures, v.causedFailures, v.lastKnownGood]),
    ).toEqual([
      [1, 0, true],
      [0, 0, false],
    ]);
    expect(report.versions[0]).toMatchObject({
      consumersDegradedNow: [features],
      causedDegradedNow: [],
    });
    expect(report.rollback).toMatchObject({ needed: false, target: null });
  });

  it("names upstream deploys followed by failures on the consumer's side", () => {
    const graph = snapshot(false).graph;
    const [where] = upstreamLocations(graph, assetId(["report"]));
    expect(where?.home).toEqual({ deployment: "prod", location: "finance" });
    expect(where?.upstream.map((u) => u.location)).toEqual(["analytics", "ml"]);
    const analytics = locationVersions({ deployment: "prod", location: "analytics" }, input(false));
    const mlNotes = upstreamDeployNotes({ deployment: "prod", location: "ml" }, [analytics]);
    expect(mlNotes).toMatchObject([
      { location: "analytics", version: "abc123", author: "alice", failures: 1, elevated: true },
    ]);
    expect(mlNotes[0]?.sentence).toBe(
      "analytics abc123 at 10:02 UTC was followed by 1 failure in ml (baseline 0.0 per hour)",
    );
    expect(upstreamDeployNotes({ deployment: "prod", location: "finance" }, [analytics])).toEqual(
      [],
    );
  });

  it("orders the deployment's locations upstream first", () => {
    expect(
      deploymentOrder(snapshot(false), "prod").steps.map((s) => s.locations.join("+")),
    ).toEqual(["analytics", "ml", "finance"]);
  });
});
