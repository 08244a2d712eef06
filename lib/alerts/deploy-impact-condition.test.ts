import { describe, expect, it } from "vitest";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { RunRecord } from "@/lib/domain/run-types";
import type { AssetStatus } from "@/lib/health/status-types";
import { FAILING_CHECK } from "@/lib/testing/snapshot-fixtures";
import { alertsSchema } from "./alert-config";
import { AlertRunner } from "./alert-runner";
import { Dispatcher } from "./dispatcher";
import { evaluateAlerts, ruleSignals } from "./evaluate-rules";
import { id, input, rule, world } from "./rule-world-fixtures";
import { SqliteAlertStore } from "./sqlite-alert-store";

// The demo's shape: analytics deploys, ML's features and model read its
// orders_clean. Runs are placed by hand around the deploy; the expectations
// are counted from those runs, not from deployImpact's arithmetic.

const H = 3_600_000;
const T = 100 * H; // the analytics deploy
const DEPLOY = rule({ name: "bad-deploy", type: "deploy" });

const deploy = (at: number, version: string, location = "analytics"): DeployEvent => ({
  deployment: "prod",
  location,
  kind: "deploy",
  versionKey: version,
  fingerprint: version,
  version,
  failed: false,
  error: null,
  at,
});

let runs = 0;
function failedRun(location: string, createdAt: number, assets: string[]): RunRecord {
  runs++;
  return {
    id: `run${runs}`,
    deployment: "prod",
    location,
    job: "j",
    status: "FAILURE",
    createdAt,
    startedAt: createdAt,
    endedAt: createdAt + 1_000,
    updatedAt: createdAt + 1_000,
    failureReason: "STEP_FAILURE",
    plannedAssetIds: assets.map(id),
    materializedAssetIds: [],
    failedAssetIds: assets.map(id),
    error: { className: "ValueError", message: "ValueError: bad features", stepKey: "s" },
  };
}

/** The engine's input at `now`, holding runs since `dataFrom`. */
function at(
  now: number,
  dataFrom: number,
  latest: DeployEvent[],
  failed: RunRecord[],
  statuses: Record<string, AssetStatus> = {},
) {
  const snapshot = world(statuses);
  snapshot.runs.push(...failed);
  return { ...input([DEPLOY]), snapshot, latestDeploys: latest, dataFrom, now };
}

// One ML failure in the 10 hours before the deploy (0.1 per hour), two in the 2 after.
const BEFORE = [failedRun("ml", T - 5 * H, ["features"])];
const AFTER = [
  failedRun("ml", T + H, ["features"]),
  failedRun("ml", T + 90 * 60_000, ["features", "model"]),
];
const risen = at(T + 2 * H, T - 10 * H, [deploy(T, "v2")], [...BEFORE, ...AFTER]);

describe("deploy rule on deploy impact", () => {
  it("fires for ML (its failed assets) and analytics (its deploy) when ML's failures rise after the deploy", () => {
    const signals = ruleSignals(risen, risen.now);
    const byTeam = Object.fromEntries(signals.map((s) => [s.team, s]));
    expect(Object.keys(byTeam).sort()).toEqual(["analytics", "ml"]);
    expect(byTeam.ml).toMatchObject({
      role: "consumer",
      deployment: "prod",
      location: "analytics",
    });
    expect(byTeam.ml?.affected.map((a) => [a.key, a.team])).toEqual([
      [["features"], "ml"],
      [["model"], "ml"],
    ]);
    expect(byTeam.analytics).toMatchObject({ role: "owner", affected: [] });
    for (const s of signals) {
      expect(s.rootCause).toMatchObject({ location: "analytics", team: "analytics", key: null });
      expect(s.rootCause?.words).toContain("analytics v2 at 04:00 UTC");
      expect(s.rootCause?.words).toContain("followed by 2 failures in ml (baseline 0.1 per hour)");
      expect(s.summary).toContain("deploy of prod/analytics (v2)");
      // Downstream of analytics: its own dashboard and orders_clean, ML's two assets.
      expect(s.blastRadius).toEqual([
        { team: "analytics", count: 2 },
        { team: "ml", count: 2 },
      ]);
    }
  });

  it("keeps one fingerprint per (rule, team, deploy) while it stays elevated", () => {
    const later = at(T + 3 * H, T - 9 * H, [deploy(T, "v2")], [...BEFORE, ...AFTER]);
    const fingerprints = (i: typeof risen) =>
      ruleSignals(i, i.now)
        .map((s) => s.fingerprint)
        .sort();
    expect(fingerprints(later)).toEqual(fingerprints(risen));
    expect(new Set(fingerprints(risen)).size).toBe(2);
  });

  it("does not fire when ML fails no more often after the deploy than before it", () => {
    // Ten failures in the 10 hours before (1 per hour), one in the 2 after.
    const usual = Array.from({ length: 10 }, (_, i) =>
      failedRun("ml", T - (i + 0.5) * H, ["model"]),
    );
    const calm = at(T + 2 * H, T - 10 * H, [deploy(T, "v2")], [...usual, AFTER[0] as RunRecord]);
    expect(ruleSignals(calm, calm.now)).toEqual([]);
  });

  it("does not count failures of the deploying location's own assets", () => {
    const own = [failedRun("analytics", T + H, ["orders_clean"])];
    const mine = at(T + 2 * H, T - 10 * H, [deploy(T, "v2")], own);
    expect(ruleSignals(mine, mine.now)).toEqual([]);
  });

  it("fires for a consumer asset degraded now after the live version's deploy", () => {
    const degraded = at(T + H, T - 10 * H, [deploy(T, "v2")], [], { [id("model")]: FAILING_CHECK });
    const ml = ruleSignals(degraded, degraded.now).find((s) => s.team === "ml");
    expect(ml?.affected.map((a) => a.key)).toEqual([["model"]]);
    expect(ml?.rootCause?.words).toContain("1 degraded now");
  });

  it("fires only on deploys: a first sight of a location is not one", () => {
    const observed = { ...deploy(T, "v2"), kind: "observed" as const };
    const seen = at(T + 2 * H, T - 10 * H, [observed], [...BEFORE, ...AFTER]);
    expect(ruleSignals(seen, seen.now)).toEqual([]);
  });

  it("resolves when the next analytics deploy arrives and ML's failures do not follow it", () => {
    const s1 = evaluateAlerts([], risen, risen.now);
    expect(s1.notifications.map((n) => [n.signal.team, n.transition]).sort()).toEqual([
      ["analytics", "firing"],
      ["ml", "firing"],
    ]);
    const next = at(T + 4 * H, T - 8 * H, [deploy(T + 3 * H, "v3")], [...BEFORE, ...AFTER]);
    const s2 = evaluateAlerts(s1.active, next, next.now);
    expect(s2.active).toEqual([]);
    expect(s2.notifications.map((n) => [n.signal.team, n.transition]).sort()).toEqual([
      ["analytics", "resolved"],
      ["ml", "resolved"],
    ]);
    expect(s2.notifications.map((n) => n.incident).sort()).toEqual(
      s1.notifications.map((n) => n.incident).sort(),
    );
  });
});

describe("AlertRunner and the runs window", () => {
  // A deploy 6 hours ago followed by one ML failure (1 in 6 h), and four ML
  // failures in the 8 hours before it. Holding a day of runs, the baseline is
  // 4 in the 18 hours held before the deploy: more than after it, no alert.
  // Holding 30 days, the baseline is 4 in 7 days: fewer, the alert fires.
  const now = 40 * 24 * H;
  const at6h = now - 6 * H;
  const failed = [
    ...[2, 4, 6, 8].map((h) => failedRun("ml", at6h - h * H, ["features"])),
    failedRun("ml", now - 3 * H, ["features"]),
  ];
  const fired = async (runsWindowDays: number) => {
    const snapshot = world({});
    snapshot.runs.push(...failed);
    const store = new SqliteAlertStore(":memory:");
    const runner = new AlertRunner({
      alerts: alertsSchema.parse({
        dryRun: true,
        channels: [{ name: "am", type: "alertmanager", url: "http://127.0.0.1:3179" }],
        rules: [{ name: "d", type: "deploy", routes: [{ team: "*", channels: ["am"] }] }],
      }),
      teams: input([]).teams,
      store,
      dispatcher: new Dispatcher(store, new Map(), { dryRun: true }),
      snapshot: async () => snapshot,
      deploys: { list: async () => [deploy(at6h, "v2")] },
      runsWindowDays,
      alertmanagers: new Map(),
      now: () => now,
    });
    const step = await runner.runOnce();
    store.close();
    return step.active.map((a) => a.signal.team).sort();
  };

  it("starts a deploy's baseline no earlier than the runs the config holds", async () => {
    expect(await fired(1)).toEqual([]);
    expect(await fired(30)).toEqual(["analytics", "ml"]);
  });
});
