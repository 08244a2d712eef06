import { describe, expect, it } from "vitest";
import { annotation, deployEvent } from "@/lib/testing/deploy-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { HOUR } from "@/lib/testing/status-fixtures";
import { matchAnnotations } from "./annotation-match";
import type { ConsumerAsset } from "./location-graph";
import { rollbackPlan } from "./rollback-plan";
import { versionHistory } from "./version-history";

const T = Date.UTC(2026, 11, 1);
const ev = deployEvent;
const note = (commit: string, at: number) => annotation(commit, at);
const features: ConsumerAsset = { deployment: "prod", location: "ml", assetId: "features" };
/** Every consumer failure traced to the location (failure-blame.test.ts tests the tracing). */
const caughtAll = { run: () => true, now: () => true };

describe("versionHistory", () => {
  // v1 from T, v2 (breaks ML) from T+10h, v3 fails to load at T+20h, v4 from T+21h (live).
  const events = [
    ev("observed", T, "f1"),
    ev("deploy", T + 10 * HOUR, "f2"),
    ev("deploy_failed", T + 20 * HOUR, null),
    ev("deploy", T + 21 * HOUR, "f4"),
    ev("recovery", T + 21 * HOUR, "f4"),
  ];
  const runs = [
    run("ml-fail", T + 11 * HOUR, "FAILURE", failedOn("features")),
    run("own-fail", T + 2 * HOUR, "FAILURE", { ...failedOn("clean"), location: "analytics" }),
  ];
  const input = {
    deployment: "prod",
    location: "analytics",
    events,
    annotations: [note("abc1234", T + 10 * HOUR + 60_000), note("restart", T + 30 * HOUR)],
    consumers: [features],
    runs,
    now: T + 24 * HOUR,
    dataFrom: T,
    isDegradedNow: () => false,
    blame: caughtAll,
  };

  it("lists each code version newest first with its life span, load result and author", () => {
    const history = versionHistory(input);
    expect(
      history.map((v) => [v.fingerprint, v.kind, v.from - T, v.durationMs, v.loaded, v.until]),
    ).toEqual([
      ["f4", "deploy", 21 * HOUR, 3 * HOUR, true, null],
      [null, "deploy_failed", 20 * HOUR, HOUR, false, T + 21 * HOUR],
      ["f2", "deploy", 10 * HOUR, 10 * HOUR, true, T + 20 * HOUR],
      ["f1", "observed", 0, 10 * HOUR, true, T + 10 * HOUR],
    ]);
    expect(history[1]?.error).toBe("ImportError: boom");
    expect(history[2]?.annotation).toMatchObject({ commit: "abc1234", author: "alice" });
    expect(history.filter((v) => v.annotation).length).toBe(1);
    expect(history.map((v) => [v.ownFailures, v.consumerFailures])).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(history[3]?.impact).toBeNull();
    expect(history[2]?.impact?.consumers[0]).toMatchObject({ location: "ml", failures: 1 });
  });

  it("marks the newest version that loaded with healthy consumers as last known good", () => {
    const history = versionHistory(input);
    expect(history.map((v) => v.lastKnownGood)).toEqual([true, false, false, false]);
    // The live version has a degraded consumer now: it is not good, v1 is.
    const degraded = versionHistory({ ...input, isDegradedNow: () => true });
    expect(degraded.map((v) => [v.good, v.lastKnownGood])).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [true, true],
    ]);
    const plan = rollbackPlan(degraded, [features]);
    expect(plan).toMatchObject({ needed: true, target: { fingerprint: "f1" } });
    expect(plan.dependents).toEqual([{ location: "ml", assets: ["features"], via: [] }]);
    expect(rollbackPlan(history, [features])).toMatchObject({ needed: false, target: null });
  });

  it("holds a consumer failure against a version only when it was traced to the location", () => {
    const ownFault = versionHistory({
      ...input,
      isDegradedNow: () => true,
      blame: { run: () => false, now: () => false },
    });
    expect(ownFault.map((v) => [v.consumerFailures, v.causedFailures, v.good])).toEqual([
      [0, 0, true],
      [0, 0, false],
      [1, 0, true],
      [0, 0, true],
    ]);
    expect(ownFault[0]).toMatchObject({
      consumersDegradedNow: ["features"],
      causedDegradedNow: [],
      lastKnownGood: true,
    });
    // Traced for the live version's degraded consumer only: the newest good is v2.
    const liveOnly = versionHistory({
      ...input,
      isDegradedNow: () => true,
      blame: { run: () => false, now: (a) => a.assetId === "features" },
    });
    expect(liveOnly.map((v) => v.lastKnownGood)).toEqual([false, false, true, false]);
    expect(liveOnly[0]?.causedDegradedNow).toEqual(["features"]);
  });

  it("says nothing about health before the runs Healthboard holds", () => {
    const history = versionHistory({ ...input, dataFrom: T + HOUR });
    expect(history[3]).toMatchObject({
      consumerFailures: null,
      causedFailures: null,
      ownFailures: null,
      good: false,
    });
  });
});

describe("matchAnnotations", () => {
  it("prefers the commit Dagster shows, then the nearest annotation within 15 minutes", () => {
    const starts = [
      { at: T, version: null },
      { at: T + 5 * 60_000, version: null },
      { at: T + HOUR, version: "0123456789ab" },
      { at: T + 3 * HOUR, version: null },
    ];
    const matched = matchAnnotations(starts, [
      note("c-second", T + 6 * 60_000),
      note("c-first", T + 30_000),
      note("0123456789abcdef", T + 5 * HOUR),
      note("far", T + 3 * HOUR + 16 * 60_000),
    ]);
    expect(matched.map((a) => a?.commit)).toEqual([
      "c-first",
      "c-second",
      "0123456789abcdef",
      undefined,
    ]);
  });
});
