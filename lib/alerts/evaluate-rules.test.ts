import { describe, expect, it } from "vitest";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { FAILING_CHECK, MATERIALIZED, status } from "@/lib/testing/snapshot-fixtures";
import { evaluateAlerts, ruleSignals } from "./evaluate-rules";
import { id, input, rule, world } from "./rule-world-fixtures";

const DEP = rule({ name: "deps", type: "dependency" });

describe("dependency rule", () => {
  it("tells the reading team which of its assets are hit, and the owning team who reads it", () => {
    const signals = ruleSignals(input([DEP], { [id("orders_clean")]: FAILING_CHECK }));
    const ml = signals.find((s) => s.team === "ml");
    const analytics = signals.find((s) => s.team === "analytics");
    expect(signals).toHaveLength(2);
    expect(ml).toMatchObject({ role: "consumer", asset: ["orders_clean"] });
    expect(ml?.affected.map((a) => a.key)).toEqual([["features"], ["model"]]);
    expect(ml?.rootCause).toMatchObject({
      key: ["orders_clean"],
      team: "analytics",
      words: "check c failed",
    });
    expect(ml?.blastRadius).toEqual([
      { team: "ml", count: 2 },
      { team: "analytics", count: 1 },
    ]);
    expect(analytics).toMatchObject({ role: "owner" });
    expect(analytics?.summary).toContain("read by ml");
  });

  it("says nothing when only the owning team reads the broken asset", () => {
    expect(ruleSignals(input([DEP], { [id("dashboard")]: FAILING_CHECK }))).toEqual([]);
  });

  it("names the failed asset furthest upstream as the root cause of a broken asset ML reads", () => {
    const broken = { [id("raw_orders")]: FAILING_CHECK, [id("orders_clean")]: FAILING_CHECK };
    const signals = ruleSignals(input([DEP], broken));
    const ml = signals.filter((s) => s.team === "ml");
    expect(ml).toHaveLength(1);
    expect(ml[0]?.rootCause?.key).toEqual(["raw_orders"]);
    // The root alone is read by analytics only: no one else is told.
    const rootOnly = ruleSignals(input([DEP], { [id("raw_orders")]: FAILING_CHECK }));
    expect(rootOnly.filter((s) => s.team === "ml")).toEqual([]);
  });

  it("carries the failed run's error message as the root cause", () => {
    const failed = status({
      lastMaterializedAt: 1_000,
      lastMaterializationRunId: "r1",
      latestRun: { id: "r2", status: "FAILURE", startedAt: 2_000, endedAt: 3_000 },
    });
    const snapshot = world({ [id("orders_clean")]: failed });
    snapshot.runs.push({
      id: "r2",
      deployment: "prod",
      location: "analytics",
      job: "j",
      status: "FAILURE",
      createdAt: 2_000,
      startedAt: 2_000,
      endedAt: 3_000,
      error: {
        className: "ValueError",
        message: "ValueError: bad orders",
        stepKey: "orders_clean",
      },
      failedAssetIds: [id("orders_clean")],
      materializedAssetIds: [],
    } as unknown as (typeof snapshot.runs)[number]);
    const ml = ruleSignals({ ...input([DEP]), snapshot }).find((s) => s.team === "ml");
    expect(ml?.rootCause).toMatchObject({ words: "ValueError", error: "ValueError: bad orders" });
    expect(ml?.rootCause?.errorPending).toBeUndefined();
  });

  it("says the error is pending while the failed run is not among the runs read", () => {
    const failed = status({
      lastMaterializedAt: 1_000,
      lastMaterializationRunId: "r1",
      latestRun: { id: "r3", status: "FAILURE", startedAt: 2_000, endedAt: 3_000 },
    });
    const ml = ruleSignals(input([DEP], { [id("orders_clean")]: failed })).find(
      (s) => s.team === "ml",
    );
    expect(ml?.rootCause).toMatchObject({ error: null, errorPending: true });
    // Ended long before the runs were last read: older than the runs window, never to be read.
    const snapshot = world({ [id("orders_clean")]: failed });
    for (const d of snapshot.deployments) d.runsAsOf = 3_000 + 61_000;
    const old = ruleSignals({ ...input([DEP]), snapshot }).find((s) => s.team === "ml");
    expect(old?.rootCause).toMatchObject({ error: null });
    expect(old?.rootCause?.errorPending).toBeUndefined();
    // Listed, but its events (and error) not read yet: a timed-out or deferred read.
    const listed = world({ [id("orders_clean")]: failed });
    for (const d of listed.deployments) d.runsAsOf = 3_000 + 61_000;
    const record = {
      id: "r3",
      deployment: "prod",
      location: "analytics",
      status: "FAILURE",
      error: null,
      materializedAssetIds: null,
      failedAssetIds: [],
    };
    listed.runs.push(record as unknown as (typeof listed.runs)[number]);
    const unread = ruleSignals({ ...input([DEP]), snapshot: listed }).find((s) => s.team === "ml");
    expect(unread?.rootCause?.errorPending).toBe(true);
    // Its events read, and no error among them: nothing left to wait for.
    const readRun = world({ [id("orders_clean")]: failed });
    for (const d of readRun.deployments) d.runsAsOf = 3_000 + 61_000;
    readRun.runs.push({
      ...record,
      materializedAssetIds: [],
    } as unknown as (typeof readRun.runs)[number]);
    const read = ruleSignals({ ...input([DEP]), snapshot: readRun }).find((s) => s.team === "ml");
    expect(read?.rootCause?.errorPending).toBeUndefined();
    // A check failure names no run: nothing to wait for.
    const check = ruleSignals(input([DEP], { [id("orders_clean")]: FAILING_CHECK }));
    expect(check.find((s) => s.team === "ml")?.rootCause?.errorPending).toBeUndefined();
  });
});

describe("state machine", () => {
  const slow = rule({ name: "deps", type: "dependency", for: "60s", renotify: "1h" });
  const broken = input([slow], { [id("orders_clean")]: FAILING_CHECK });
  const fixed = input([slow]);

  it("pends for `for`, fires once, re-notifies, then resolves with the same incident", () => {
    const t0 = 1_000_000;
    const s1 = evaluateAlerts([], broken, t0);
    expect(s1.notifications).toEqual([]);
    expect(s1.active.map((a) => a.status)).toEqual(["pending", "pending"]);
    const s2 = evaluateAlerts(s1.active, broken, t0 + 59_999);
    expect(s2.notifications).toEqual([]);
    const s3 = evaluateAlerts(s2.active, broken, t0 + 60_000);
    expect(s3.notifications.map((n) => n.transition)).toEqual(["firing", "firing"]);
    expect(s3.notifications.every((n) => n.channels.join() === "am")).toBe(true);
    const s4 = evaluateAlerts(s3.active, broken, t0 + 120_000);
    expect(s4.notifications).toEqual([]);
    const s5 = evaluateAlerts(s4.active, broken, t0 + 60_000 + 3_600_000);
    expect(s5.notifications.map((n) => n.transition)).toEqual(["renotify", "renotify"]);
    const s6 = evaluateAlerts(s5.active, fixed, t0 + 4_000_000);
    expect(s6.active).toEqual([]);
    expect(s6.notifications.map((n) => [n.transition, n.endsAt])).toEqual([
      ["resolved", t0 + 4_000_000],
      ["resolved", t0 + 4_000_000],
    ]);
    // One incident, three keys: receivers drop repeats of each, never confuse them.
    const ml = (ns: typeof s3.notifications) => ns.find((n) => n.signal.team === "ml");
    const keys = [ml(s3.notifications), ml(s5.notifications), ml(s6.notifications)].map(
      (n) => n?.key,
    );
    expect(new Set(keys).size).toBe(3);
    expect(new Set([s3, s5, s6].map((s) => ml(s.notifications)?.incident)).size).toBe(1);
  });

  it("keeps firing alerts of a deployment not read since a restart, then resolves them on its data", () => {
    const t0 = 1_000_000;
    const firing = evaluateAlerts(
      evaluateAlerts([], broken, t0).active,
      broken,
      t0 + 60_000,
    ).active;
    expect(firing.map((a) => a.status)).toEqual(["firing", "firing"]);
    // Restarted at t0 + 90 s: prod's statuses not read yet, so nothing in the snapshot is failing.
    const restart = t0 + 90_000;
    const unread = {
      ...fixed,
      holdUnreadUntil: restart + 600_000,
      snapshot: {
        ...fixed.snapshot,
        deployments: fixed.snapshot.deployments.map((d) => ({ ...d, statusesAsOf: null })),
      },
    };
    const waiting = evaluateAlerts(firing, unread, restart);
    expect(waiting.notifications).toEqual([]);
    expect(waiting.removed).toEqual([]);
    expect(waiting.active).toEqual(firing);
    // Read, and fixed meanwhile: now they resolve, as one incident each.
    const read = evaluateAlerts(
      waiting.active,
      { ...fixed, holdUnreadUntil: restart + 600_000 },
      restart + 30_000,
    );
    expect(read.notifications.map((n) => n.transition)).toEqual(["resolved", "resolved"]);
    // A deployment with no assets has no statuses to read: it holds nothing.
    const jobsOnly = {
      ...fixed,
      holdUnreadUntil: restart + 600_000,
      snapshot: {
        ...fixed.snapshot,
        deployments: [
          ...fixed.snapshot.deployments,
          {
            deployment: "jobs",
            locationsAsOf: restart,
            statusesAsOf: null,
            runsAsOf: restart,
            errors: [],
          },
        ],
      },
    };
    expect(evaluateAlerts(waiting.active, jobsOnly, restart + 30_000).notifications).toHaveLength(
      2,
    );
    // Never read (unreachable since the start): held for the grace only.
    const late = evaluateAlerts(waiting.active, unread, restart + 600_000);
    expect(late.notifications.map((n) => n.transition)).toEqual(["resolved", "resolved"]);
  });

  it("drops a pending alert whose condition clears without telling anyone", () => {
    const s1 = evaluateAlerts([], broken, 0);
    const s2 = evaluateAlerts(s1.active, fixed, 30_000);
    expect(s2.active).toEqual([]);
    expect(s2.notifications).toEqual([]);
    expect(s2.removed).toHaveLength(2);
  });

  it("routes per team: a team's own route and the catch-all", () => {
    const routed = rule({
      name: "deps",
      type: "dependency",
      routes: [
        { team: "ml", channels: ["slack-ml"] },
        { team: "*", channels: ["am"] },
      ],
    });
    const step = evaluateAlerts([], input([routed], { [id("orders_clean")]: FAILING_CHECK }), 0);
    const byTeam = Object.fromEntries(step.notifications.map((n) => [n.signal.team, n.channels]));
    expect(byTeam).toEqual({ ml: ["slack-ml", "am"], analytics: ["am"] });
  });
});

describe("other rules", () => {
  it("location: a failing location of the team, with its load error", () => {
    const loc = rule({ name: "loc", type: "location" });
    const signals = ruleSignals({ ...input([loc]), snapshot: world({}, "ml") });
    expect(signals.map((s) => [s.team, s.location])).toEqual([["ml", "ml"]]);
    expect(signals[0]?.rootCause?.error).toBe("ImportError: broken on purpose");
  });

  it("asset_health: filters by key pattern and state", () => {
    const health = rule({
      name: "h",
      type: "asset_health",
      keyPattern: "^orders",
      states: ["DEGRADED"],
    });
    const statuses = { [id("orders_clean")]: FAILING_CHECK, [id("model")]: FAILING_CHECK };
    expect(ruleSignals(input([health], statuses)).map((s) => s.asset)).toEqual([["orders_clean"]]);
  });

  it("team_health: fires below the share of healthy assets, not at it", () => {
    const th = (threshold: number) => rule({ name: "th", type: "team_health", threshold });
    const statuses = { [id("model")]: FAILING_CHECK };
    // ML has 1 of 2 healthy: 50%.
    expect(ruleSignals(input([th(0.5)], statuses))).toEqual([]);
    const fired = ruleSignals(input([th(0.6)], statuses));
    expect(fired.map((s) => s.team)).toEqual(["ml"]);
    expect(fired[0]?.affected.map((a) => a.key)).toEqual([["model"]]);
    // Said as the team page says it: a threshold just above the share is not the same figure.
    expect(ruleSignals(input([th(0.501)], statuses))[0]?.summary).toBe(
      "50.0% of ml's assets healthy (1 of 2), below 50.1%",
    );
  });

  it("freshness: warn and fail windows as the rule asks", () => {
    const policy = { hasFreshnessPolicy: true } as const;
    const statuses = {
      [id("features")]: { ...MATERIALIZED, ...policy, freshness: "WARNING" as const },
      [id("dashboard")]: { ...MATERIALIZED, ...policy, freshness: "DEGRADED" as const },
    };
    const failOnly = rule({ name: "f", type: "freshness", levels: ["fail"] });
    expect(ruleSignals(input([failOnly], statuses)).map((s) => s.asset)).toEqual([["dashboard"]]);
    const both = rule({ name: "f", type: "freshness" });
    expect(
      ruleSignals(input([both], statuses))
        .map((s) => s.team)
        .sort(),
    ).toEqual(["analytics", "ml"]);
  });

  it("deploy: fires while the location's latest deploy failed, for the teams of that location", () => {
    const deploy = rule({ name: "d", type: "deploy" });
    const event = (kind: DeployEvent["kind"]): DeployEvent => ({
      deployment: "prod",
      location: "ml",
      kind,
      versionKey: "v2",
      fingerprint: null,
      version: "abc123",
      failed: kind === "deploy_failed",
      error: "SyntaxError: oops",
      at: 5_000,
    });
    const fired = ruleSignals(input([deploy], {}, { latestDeploys: [event("deploy_failed")] }));
    expect(fired.map((s) => [s.team, s.rootCause?.error])).toEqual([["ml", "SyntaxError: oops"]]);
    expect(ruleSignals(input([deploy], {}, { latestDeploys: [event("recovery")] }))).toEqual([]);
  });
});
