import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { buildTeamPage } from "@/lib/teams/build-team-page";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { withLocationDown } from "@/lib/testing/outage-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { HOUR, TEST_NOW } from "@/lib/testing/status-fixtures";
import { renderMetrics } from "./render-metrics";
import { teamFigures } from "./team-figures";

// A small world written by hand: analytics owns raw (healthy) and summary
// (its run failed: degraded) in prod/etl; ml owns model (healthy) in
// prod/train, which fails to load, and reads summary. Expectations are counted
// by hand from docs/health-model.md, and checked against the team page too.

const NOW = TEST_NOW;
const config = configSchema.parse({
  deployments: [{ name: "prod", kind: "oss", graphqlUrl: "http://dagster.test/graphql" }],
  teams: [
    { slug: "analytics", name: "Analytics", owners: ["team:analytics"] },
    {
      slug: "ml",
      name: "ML",
      owners: ["team:ml"],
      locations: [{ deployment: "prod", location: "train" }],
    },
  ],
  metrics: { freshnessLag: [{ key: "summary" }, { key: ["raw"] }] },
});
const team = (slug: string) => ({ owners: [{ kind: "team" as const, team: slug }] });
const raw = def(["raw"], { location: "etl" }, { downstream: [["summary"]] }, team("analytics"));
const summary = def(
  ["summary"],
  { location: "etl" },
  { upstream: [["raw"]], downstream: [["model"]] },
  team("analytics"),
);
const model = def(["model"], { location: "train" }, { upstream: [["summary"]] }, team("ml"));

const input = withLocationDown(
  deploymentInput(
    "prod",
    [
      [raw, okStatus(NOW - 2 * HOUR)],
      [summary, failedStatus(NOW - HOUR)],
      [model, okStatus(NOW - 3 * HOUR)],
    ],
    NOW - 10_000,
    true,
    {
      runs: [
        run("f1", NOW - 2 * HOUR, "FAILURE", { location: "etl", ...failedOn(summary.id) }),
        run("f2", NOW - 3 * 24 * HOUR, "FAILURE", { location: "etl", ...failedOn(summary.id) }),
        run("c1", NOW - HOUR, "CANCELED", { location: "etl", plannedAssetIds: [summary.id] }),
        run("s1", NOW - HOUR, "SUCCESS", { location: "etl", plannedAssetIds: [raw.id] }),
      ],
    },
  ),
  "train",
);
const snapshot = buildSnapshot([input], config.teams, "g1", NOW - 60_000);

const deploy = (kind: DeployEvent["kind"], at: number): DeployEvent => ({
  deployment: "prod",
  location: "etl",
  kind,
  versionKey: "v",
  fingerprint: null,
  version: null,
  failed: kind === "deploy_failed",
  error: null,
  at,
});
const events = [
  deploy("observed", NOW - 20 * 24 * HOUR),
  deploy("deploy", NOW - 10 * 24 * HOUR),
  deploy("deploy", NOW - 5 * HOUR),
  deploy("deploy_failed", NOW - 4 * HOUR),
  deploy("recovery", NOW - 3 * HOUR),
];

async function render() {
  return renderMetrics(
    {
      snapshot,
      teams: config.teams,
      metrics: config.metrics,
      deployEvents: events,
      figures: teamFigures(snapshot, config.teams),
      now: NOW,
      version: "1.2.3",
    },
    new Registry(),
  );
}

/** The value of the one series with exactly these labels, or undefined. */
function value(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const m = line.match(/^([a-z_]+)\{(.*)\} (\S+)$/) ?? line.match(/^([a-z_]+)() (\S+)$/);
    if (!m || m[1] !== name) continue;
    const got = (m[2] ?? "")
      .split(/,(?=[a-z_]+=")/)
      .filter(Boolean)
      .sort()
      .join(",");
    if (got === want) return Number(m[3]);
  }
  return undefined;
}

const etl = { team: "analytics", deployment: "prod", location: "etl" };
const train = { team: "ml", deployment: "prod", location: "train" };

describe("renderMetrics", () => {
  it("counts a team's assets by health and stale per location", async () => {
    const text = await render();
    expect(value(text, "healthboard_team_assets", { ...etl, health: "healthy" })).toBe(1);
    expect(value(text, "healthboard_team_assets", { ...etl, health: "degraded" })).toBe(1);
    expect(value(text, "healthboard_team_assets", { ...etl, health: "warning" })).toBe(0);
    expect(value(text, "healthboard_team_assets", { ...train, health: "healthy" })).toBe(1);
    expect(value(text, "healthboard_team_stale_assets", etl)).toBe(0);
  });

  it("agrees with the team page's KPIs", async () => {
    const text = await render();
    for (const slug of ["analytics", "ml"]) {
      const t = config.teams.find((x) => x.slug === slug);
      if (!t) throw new Error(slug);
      const page = buildTeamPage({
        snapshot,
        team: t,
        range: "7d",
        now: NOW,
        deployEvents: events,
        previousSample: null,
        runsWindowMs: 30 * 24 * HOUR,
      });
      const sum = (name: string, extra: Record<string, string> = {}) =>
        page.locations
          .map((l) => value(text, name, { team: slug, ...l, ...extra }) ?? 0)
          .reduce((a, b) => a + b, 0);
      expect(sum("healthboard_team_assets", { health: "degraded" })).toBe(page.kpis.degraded);
      expect(sum("healthboard_team_stale_assets")).toBe(page.kpis.stale);
      expect(sum("healthboard_team_failed_runs", { window: "7d" })).toBe(page.kpis.failures);
    }
  });

  it("counts failed runs in each rolling window, never canceled ones", async () => {
    const text = await render();
    expect(value(text, "healthboard_team_failed_runs", { ...etl, window: "24h" })).toBe(1);
    expect(value(text, "healthboard_team_failed_runs", { ...etl, window: "7d" })).toBe(2);
    expect(value(text, "healthboard_team_failed_runs", { ...train, window: "7d" })).toBe(0);
  });

  it("exports each location's load state as a state set", async () => {
    const text = await render();
    expect(value(text, "healthboard_location_load_state", { ...train, state: "failed" })).toBe(1);
    expect(value(text, "healthboard_location_load_state", { ...train, state: "loaded" })).toBe(0);
    expect(value(text, "healthboard_location_load_state", { ...etl, state: "loaded" })).toBe(1);
  });

  it("exports deploy success and the age of the last successful deploy", async () => {
    const text = await render();
    const w = { ...etl, window: "24h" };
    expect(value(text, "healthboard_location_deploys", { ...w, outcome: "succeeded" })).toBe(1);
    expect(value(text, "healthboard_location_deploys", { ...w, outcome: "failed" })).toBe(1);
    expect(value(text, "healthboard_location_deploy_success_ratio", w)).toBe(0.5);
    expect(
      value(text, "healthboard_location_deploy_success_ratio", { ...train, window: "24h" }),
    ).toBeUndefined();
    expect(value(text, "healthboard_location_successful_deploy_age_seconds", etl)).toBe(5 * 3600);
  });

  it("exports freshness lag only for opted-in assets another team consumes", async () => {
    const text = await render();
    const labels = { asset: "summary", deployment: "prod", producer_team: "analytics" };
    // summary's last materialization: an hour before its failure at NOW - 1 h.
    expect(
      value(text, "healthboard_dependency_freshness_lag_seconds", {
        ...labels,
        consumer_team: "ml",
      }),
    ).toBe(2 * 3600);
    // raw is opted in but only its own team reads it.
    expect(text).not.toMatch(/freshness_lag_seconds\{[^}]*asset="raw"/);
  });

  it("exports collector lag, snapshot age and build info", async () => {
    const text = await render();
    expect(
      value(text, "healthboard_collector_lag_seconds", { deployment: "prod", part: "runs" }),
    ).toBe(10);
    expect(value(text, "healthboard_snapshot_age_seconds", {})).toBe(60);
    expect(value(text, "healthboard_build_info", { version: "1.2.3" })).toBe(1);
  });
});
