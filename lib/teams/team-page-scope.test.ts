import { describe, expect, it } from "vitest";
import type { RunRecord } from "@/lib/domain/run-types";
import type { KpiScopeSample } from "@/lib/history/kpi-sampling";
import { teamFigures } from "@/lib/observability/team-figures";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deployEvent } from "@/lib/testing/deploy-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { buildTeamPage } from "./build-team-page";

// A team page counts like with like: "vs previous" over a previous period of
// the window's length and the same scope as the view; one environment's
// deployments only; a merged asset in every deployment of its group.

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse("2026-11-27T12:30:00Z");
const team = { slug: "ml", name: "ML", owners: ["team:ml"], locations: [] };
const ml = { owners: [{ kind: "team" as const, team: "ml" }] };
const features = def(["features"], { deployment: "prod", location: "ml" }, {}, ml);
const model = def(["model"], { deployment: "prod", location: "training" }, {}, ml);
const scores = def(["edge_scores"], { deployment: "edge", location: "ml" }, {}, ml);

const failedRun = (id: string, createdAt: number): RunRecord => ({
  id,
  deployment: "prod",
  location: "training",
  job: "train",
  status: "FAILURE",
  createdAt,
  startedAt: createdAt,
  endedAt: createdAt + 60_000,
  updatedAt: createdAt + 60_000,
  ...failedOn(model.id),
  failureReason: "STEP_FAILURE",
  error: null,
});

const snapshot = buildSnapshot(
  [
    deploymentInput(
      "prod",
      [
        [features, okStatus(NOW - H)],
        [model, failedStatus(NOW - H)],
      ],
      NOW,
      true,
      {
        runs: [
          failedRun("now", NOW - D), // this window
          failedRun("prev-first", NOW - 14 * D), // previousSince: inside the previous period
          failedRun("prev-last", NOW - 7 * D - 1), // just before since: previous period
          failedRun("too-old", NOW - 14 * D - 1), // before the previous period
        ],
      },
    ),
    // Unreachable now: its last good data still counts.
    deploymentInput("edge", [[scores, okStatus(NOW - 3 * H)]], NOW - 2 * H, false),
  ],
  [team],
  "g",
  NOW,
);

const counts = (deployment: string, location: string, healthy: number) => ({
  deployment,
  location,
  owned: 1,
  healthy,
  stale: 0,
  degraded: 1 - healthy,
});
// A week ago: prod/ml 1 asset degraded, prod/training 1 healthy, edge/ml 1 healthy.
const weekAgo: KpiScopeSample = {
  team: "ml",
  at: NOW - 7 * D,
  deployments: ["edge", "prod"].map((deployment) => ({ deployment, live: true })),
  rows: [counts("edge", "ml", 1), counts("prod", "ml", 0), counts("prod", "training", 1)],
};

const inputs = (location: string | undefined, previousSample: KpiScopeSample | null) => ({
  snapshot,
  team,
  range: "7d" as const,
  location,
  now: NOW,
  deployEvents: [],
  previousSample,
  runsWindowMs: 30 * D,
});
const page = (location: string | undefined, previousSample: KpiScopeSample | null) =>
  buildTeamPage(inputs(location, previousSample));

describe("team page: previous period", () => {
  it("counts failed runs over a previous period of the same length, just before the window", () => {
    const p = page(undefined, weekAgo);
    expect(p.window.since).toBe(NOW - 7 * D);
    expect(p.kpis.failures).toBe(1);
    expect(p.previous.failures).toBe(2);
  });

  it("sums the previous sample over the whole team when the view is not filtered", () => {
    const p = page(undefined, weekAgo);
    expect(p.kpis).toMatchObject({ owned: 3, degraded: 1 });
    expect(p.previous).toMatchObject({ owned: 3, degraded: 1, stale: 0 });
    expect(p.previous.healthyPct).toBeCloseTo(2 / 3, 10);
  });

  it("sums only the filtered location, across deployments", () => {
    const p = page("ml", weekAgo);
    expect(p.kpis.owned).toBe(2);
    expect(p.previous).toMatchObject({ owned: 2, degraded: 1, healthyPct: 0.5 });
    expect(page("training", weekAgo).previous).toMatchObject({
      owned: 1,
      degraded: 0,
      healthyPct: 1,
    });
  });

  it("shows no previous value when the sample did not cover a deployment of the view", () => {
    const prodOnly: KpiScopeSample = {
      ...weekAgo,
      deployments: [{ deployment: "prod", live: true }],
      rows: weekAgo.rows.filter((r) => r.deployment === "prod"),
    };
    expect(page(undefined, prodOnly).previous).toMatchObject({
      owned: null,
      healthyPct: null,
      degraded: null,
    });
    // The training location lives in prod only: the sample covers it.
    expect(page("training", prodOnly).previous.owned).toBe(1);
  });
});

describe("team page: one environment", () => {
  // The config also lists a location of `staging`, a deployment of another
  // environment: this snapshot (prod and edge) has no staging.
  const listsStaging = {
    ...team,
    locations: [{ deployment: "staging", location: "training" }],
  };
  const deploy = (deployment: string, kind: "deploy" | "deploy_failed", at: number) => ({
    ...deployEvent(kind, at, null),
    deployment,
    location: "training",
  });

  it("counts no deploy, location or scope of another environment's deployment", () => {
    const p = buildTeamPage({
      snapshot,
      team: listsStaging,
      range: "7d",
      now: NOW,
      deployEvents: [
        deploy("prod", "deploy", NOW - D),
        deploy("staging", "deploy_failed", NOW - D),
        deploy("staging", "deploy_failed", NOW - 2 * D),
      ],
      previousSample: weekAgo,
      runsWindowMs: 30 * D,
    });
    expect(p.locations.map((l) => l.deployment)).not.toContain("staging");
    expect(p.deploys.map((d) => d.deployment)).not.toContain("staging");
    // prod's one deploy succeeded; staging's failures are not prod's.
    expect(p.kpis.deploySuccessRate).toBe(1);
    // The scope stays prod and edge, which the sample covers.
    expect(p.previous.owned).toBe(3);
    // /metrics too: no staging row read from prod's snapshot.
    const scopes = teamFigures(snapshot, [listsStaging]).scopes;
    expect(scopes.map((r) => r.deployment)).not.toContain("staging");
  });
});

// With `identity.mergeDeployments: [[prod, prod-eu]]` a key defined in both is
// one asset, whose runs and materializations happen in either deployment.

const inProd = def(["model"], { deployment: "prod", location: "ml" }, {}, ml);
const inEu = def(["model"], { deployment: "prod-eu", location: "ml" }, {}, ml);

// prod-eu's run failed the model a day ago; prod-eu materialized it an hour later.
const euFailure = run("eu-fail", NOW - D, "FAILURE", {
  deployment: "prod-eu",
  ...failedOn(inEu.id),
});
const merged = buildSnapshot(
  [
    deploymentInput("prod", [[inProd, okStatus(NOW - 2 * H)]], NOW),
    deploymentInput("prod-eu", [[inEu, failedStatus(NOW - H)]], NOW, true, {
      runs: [euFailure],
      materializations: new Map([[inEu.id, [{ at: NOW - D + H, runId: "eu-ok" }]]]),
    }),
  ],
  [team],
  "g",
  NOW,
  { mergeDeployments: [["prod", "prod-eu"]] },
);

describe("a merged asset's runs", () => {
  it("count for its team in every deployment of the group, on the page and in /metrics", () => {
    const page = buildTeamPage({ ...inputs(undefined, null), snapshot: merged });
    expect(page.kpis.owned).toBe(1);
    expect(page.kpis.degraded).toBe(1);
    // Both deployments of the group are in the page's scope (outages, deploys, picker).
    expect(page.locations.map((l) => l.deployment).sort()).toEqual(["prod", "prod-eu"]);
    expect(page.kpis.failures).toBe(1);
    expect(page.failures.recent.map((r) => [r.runId, r.failedAssetKeys])).toEqual([
      ["eu-fail", [["model"]]],
    ]);
    expect(page.failures.recoveries).toEqual([
      { id: inEu.id, deployment: "prod-eu", failedAt: euFailure.endedAt, recoveredAt: NOW - D + H },
    ]);
    expect(page.failures.totals.materializations).toBe(1);
    expect(teamFigures(merged, [team]).failedRuns).toEqual([
      { team: "ml", deployment: "prod-eu", location: "ml", createdAt: NOW - D },
    ]);
  });
});
