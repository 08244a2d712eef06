import { describe, expect, it } from "vitest";
import { locationVersions } from "@/lib/deploys/location-versions";
import { assetId } from "@/lib/domain/types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import { deployEvent, loadedLocation } from "@/lib/testing/deploy-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { HOUR } from "@/lib/testing/status-fixtures";
import { deployReport } from "./deploy-report";
import { timeWindow } from "./time-range";

// The deploy timeline marks the deploys the Versions panel says were followed
// by more downstream failures than before: both read location-versions.ts.

// analytics/clean -> ml/features
const graph = buildGraph(
  [
    def(["clean"], { location: "analytics" }),
    def(["features"], { location: "ml" }, { upstream: [["clean"]] }),
  ],
  [],
);
const T = Date.UTC(2026, 11, 1, 10, 0);
const now = T + 6 * HOUR;
const loc = (name: string) => loadedLocation(name, T);

function report(runs: ReturnType<typeof run>[]) {
  const snapshot = {
    graph,
    runs,
    definitionHealth: new Map(),
    locations: [loc("analytics"), loc("ml")],
  };
  const events = [deployEvent("observed", T - 48 * HOUR, "v1"), deployEvent("deploy", T, "v2")];
  const impactsOf = (at: { deployment: string; location: string }) =>
    locationVersions(at, {
      snapshot,
      events,
      annotations: [],
      now,
      dataFrom: now - 30 * 24 * HOUR,
    }).versions.flatMap((v) => (v.impact ? [v.impact] : []));
  const [analytics] = deployReport(
    [{ deployment: "prod", location: "analytics" }],
    snapshot.locations,
    events,
    timeWindow("24h", now),
    impactsOf,
  );
  return analytics;
}

describe("deploy timeline impact", () => {
  it("marks a deploy followed by consumer failures it had not seen before", () => {
    const analytics = report([run("ml-1", T + HOUR, "FAILURE", failedOn(assetId(["features"])))]);
    expect(analytics?.impacts.map((i) => i.at)).toEqual([T]);
    expect(analytics?.impacts[0]?.lines).toHaveLength(1);
    expect(analytics?.impacts[0]?.lines[0]).toMatch(/followed by 1 failure in ml/);
  });

  it("leaves a deploy unmarked when consumers failed as often before it", () => {
    const failing = (id: string, at: number) =>
      run(id, at, "FAILURE", failedOn(assetId(["features"])));
    // One failure an hour for the 48 h before the deploy, one in the 6 h after.
    const before = Array.from({ length: 48 }, (_, i) => failing(`b${i}`, T - (i + 1) * HOUR));
    expect(report([...before, failing("a", T + HOUR)])?.impacts).toEqual([]);
  });

  it("leaves a deploy unmarked when nothing downstream failed", () => {
    expect(report([run("ml-ok", T + HOUR, "SUCCESS")])?.impacts).toEqual([]);
  });
});

describe("deploy window", () => {
  it("shows on the timeline the deploys its stats count: [since, until)", () => {
    const w = timeWindow("24h", now);
    const events = [
      deployEvent("deploy", w.since - 1, "v0"),
      deployEvent("deploy", w.since, "v1"),
      deployEvent("deploy_failed", now - 1, "v2"),
      deployEvent("deploy", now, "v3"), // the next step's: not this window's
    ];
    const [analytics] = deployReport(
      [{ deployment: "prod", location: "analytics" }],
      [loc("analytics")],
      events,
      w,
      () => [],
    );
    expect(analytics?.timeline.map((e) => e.fingerprint)).toEqual(["v1", "v2"]);
    expect(analytics?.stats).toMatchObject({ deploys: 2, failed: 1, successRate: 0.5 });
  });
});
