import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import type { AssetDefinition, AssetKeyPath } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { buildTeamPage } from "@/lib/teams/build-team-page";
import { def } from "@/lib/testing/asset-fixtures";
import { run } from "@/lib/testing/run-fixtures";
import {
  deploymentInput,
  FAILING_CHECK,
  MATERIALIZED,
  status,
} from "@/lib/testing/snapshot-fixtures";
import { buildOverview } from "./overview-model";

// The overview as a triage page: tiles worst first with the team page's own
// counts, and the failing-now list ordered by blast radius.

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://dagster:3000/graphql", uiUrl: "http://dagster:3000" }
  - { name: edge, kind: oss, graphqlUrl: "http://edge:3000/graphql" }
teams:
  - { slug: alpha, name: Alpha, owners: ["team:alpha"] }
  - { slug: bravo, name: Bravo, owners: ["team:bravo"], locations: [{ deployment: prod, location: bravo-loc }] }
  - { slug: charlie, name: Charlie, owners: ["team:charlie"] }
  - { slug: delta, name: Delta, owners: ["team:delta"] }
  - { slug: echo, name: Echo, owners: ["team:echo"] }
  - { slug: foxtrot, name: Foxtrot, owners: ["team:foxtrot"] }
`);

const owner = (team: string): AssetDefinition["owners"] => [{ kind: "team", team }];
const asset = (
  name: string,
  team: string,
  deps: { upstream?: AssetKeyPath[]; downstream?: AssetKeyPath[] } = {},
  location = "shared",
  deployment = "prod",
) => def([name], { deployment, location }, deps, { owners: owner(team) });

const WARN_CHECK = { ...MATERIALIZED, checks: [{ name: "w", outcome: "warning" as const }] };
const STALE_WARN: AssetStatus = { ...MATERIALIZED, hasFreshnessPolicy: true, freshness: "WARNING" };
const STALE_FAIL: AssetStatus = {
  ...MATERIALIZED,
  hasFreshnessPolicy: true,
  freshness: "DEGRADED",
};
const RUN_FAILED = status({
  lastMaterializedAt: 1_000,
  lastMaterializationRunId: "ok",
  latestRun: { id: "boom", status: "FAILURE", startedAt: 2_000, endedAt: 3_000 },
});

/**
 * alpha: one asset failed by its run (oom), upstream of charlie's and delta's.
 * bravo: its location failed to load (nothing known of its assets).
 * charlie: two WARN checks. delta: one stale (warn window), one healthy.
 * echo: a failing ERROR check and a stale-past-fail asset. foxtrot: all healthy.
 */
function world() {
  const prod = deploymentInput(
    "prod",
    {
      shared: [
        asset("oom", "alpha", { downstream: [["c1"], ["d1"]] }),
        asset("c1", "charlie", { upstream: [["oom"]], downstream: [["c2"]] }),
        asset("c2", "charlie", { upstream: [["c1"]] }),
        asset("d1", "delta", { upstream: [["oom"]] }),
        asset("d2", "delta"),
        asset("e1", "echo"),
        asset("e2", "echo"),
        asset("f1", "foxtrot"),
      ],
      "bravo-loc": [],
    },
    {
      '["oom"]': RUN_FAILED,
      '["c1"]': WARN_CHECK,
      '["c2"]': WARN_CHECK,
      '["d1"]': STALE_WARN,
      '["d2"]': MATERIALIZED,
      '["e1"]': FAILING_CHECK,
      '["e2"]': STALE_FAIL,
      '["f1"]': MATERIALIZED,
    },
  );
  prod.runs = [
    run("boom", 2_000, "FAILURE", {
      location: "shared",
      error: { className: "OutOfMemoryError", message: "killed", stepKey: "oom" },
      plannedAssetIds: ['["oom"]'],
      materializedAssetIds: [],
      failedAssetIds: ['["oom"]'],
    }),
  ];
  const broken = prod.locations.locations.find((l) => l.name === "bravo-loc");
  if (broken)
    Object.assign(broken, {
      status: "failed",
      error: { message: "ImportError: x", className: null },
    });
  const edge = deploymentInput("edge", {});
  const snapshot = buildSnapshot([prod, edge], config.teams, "g", 5_000);
  return { snapshot, overview: buildOverview(config, [prod.locations, edge.locations], snapshot) };
}

const page = (snapshot: ReturnType<typeof world>["snapshot"], slug: string) =>
  buildTeamPage({
    snapshot,
    team: config.teams.find((t) => t.slug === slug) as (typeof config.teams)[number],
    range: "7d",
    now: 5_000,
    deployEvents: [],
    previousSample: null,
    runsWindowMs: 30 * 86_400_000,
  });

describe("team tiles", () => {
  it("orders teams worst first: failing locations, degraded, warning, stale, name", () => {
    const { overview } = world();
    // By hand from the world above: bravo (a failed location), echo (2 degraded),
    // alpha (1 degraded), charlie (2 warning), delta (1 warning that is stale),
    // foxtrot (healthy).
    expect(overview.teams.map((t) => t.slug)).toEqual([
      "bravo",
      "echo",
      "alpha",
      "charlie",
      "delta",
      "foxtrot",
    ]);
    expect(overview.teams[0]?.failingLocations).toEqual([
      { deployment: "prod", location: "bravo-loc", error: "ImportError: x", cause: "location" },
    ]);
  });

  it("counts what each team page counts", () => {
    const { snapshot, overview } = world();
    for (const tile of overview.teams) {
      const p = page(snapshot, tile.slug);
      expect(tile.assetCount).toBe(p.kpis.owned);
      expect(tile.degraded).toBe(p.kpis.degraded);
      expect(tile.stale).toBe(p.kpis.stale);
      expect(tile.warning).toBe(p.assets.filter((a) => a.health === "WARNING").length);
    }
    // And not vacuously: the world has some of each.
    const sum = (k: "degraded" | "warning" | "stale") =>
      overview.teams.reduce((n, t) => n + t[k], 0);
    expect([sum("degraded"), sum("warning"), sum("stale")]).toEqual([3, 3, 2]);
  });

  it("counts every location of an unreachable deployment as failing", () => {
    const prod = deploymentInput(
      "prod",
      { shared: [asset("f1", "foxtrot")] },
      { '["f1"]': MATERIALIZED },
    );
    const down = { ...prod.locations, error: "connect ECONNREFUSED" };
    const snapshot = buildSnapshot([{ ...prod, locations: down }], config.teams, "g", 1);
    const overview = buildOverview(config, [down], snapshot);
    // Every team with a location in prod: foxtrot by its asset, bravo by its config.
    expect(
      overview.teams
        .filter((t) => t.failingLocations.length)
        .map((t) => [t.slug, t.failingLocations.map((f) => [f.location, f.cause, f.error])]),
    ).toEqual([
      ["bravo", [["bravo-loc", "deployment", "connect ECONNREFUSED"]]],
      ["foxtrot", [["shared", "deployment", "connect ECONNREFUSED"]]],
    ]);
  });
});

describe("failing now", () => {
  it("lists every degraded asset, widest blast radius first, with its team and cause", () => {
    const { overview } = world();
    const rows = overview.failingNow.assets;
    expect(rows.map((r) => [r.key[0], r.team])).toEqual([
      ["oom", "alpha"],
      ["e1", "echo"],
      ["e2", "echo"],
    ]);
    expect(rows[0]?.blast).toEqual({
      downstream: 3,
      teams: [
        { team: "charlie", count: 2 },
        { team: "delta", count: 1 },
      ],
    });
    expect(rows.map((r) => r.summary)).toEqual([
      "OutOfMemoryError",
      "check c failed",
      "past its freshness fail window",
    ]);
  });

  it("holds exactly the degraded assets of the team pages", () => {
    const { snapshot, overview } = world();
    for (const team of config.teams) {
      const listed = overview.failingNow.assets
        .filter((r) => r.team === team.slug)
        .map((r) => r.id);
      const degraded = page(snapshot, team.slug)
        .assets.filter((a) => a.degraded)
        .map((a) => a.id);
      expect(listed.sort()).toEqual(degraded.sort());
    }
  });

  it("says when an asset's run failed in another step, not its own", () => {
    const prod = deploymentInput(
      "prod",
      { shared: [asset("f1", "foxtrot")] },
      { '["f1"]': { ...RUN_FAILED } },
    );
    prod.runs = [
      run("boom", 2_000, "FAILURE", {
        location: "shared",
        error: { className: "OutOfMemoryError", message: "killed", stepKey: "oom" },
        plannedAssetIds: ['["f1"]', '["oom"]'],
        materializedAssetIds: [],
        failedAssetIds: ['["oom"]'],
      }),
    ];
    const snapshot = buildSnapshot([prod], config.teams, "g", 5_000);
    const [row] = buildOverview(config, [prod.locations], snapshot).failingNow.assets;
    expect(row?.summary).toBe("its run failed in step oom (OutOfMemoryError)");
  });

  it("lists a degraded asset no team owns, without a team", () => {
    const prod = deploymentInput(
      "prod",
      { shared: [def(["orphan"], { location: "shared" }), asset("f1", "foxtrot")] },
      { '["orphan"]': FAILING_CHECK, '["f1"]': FAILING_CHECK },
    );
    const snapshot = buildSnapshot([prod], config.teams, "g", 1);
    const rows = buildOverview(config, [prod.locations], snapshot).failingNow.assets;
    expect(rows.map((r) => [r.key[0], r.team])).toEqual([
      ["f1", "foxtrot"],
      ["orphan", null],
    ]);
  });

  it("lists failing locations with the teams they belong to", () => {
    expect(world().overview.failingNow.locations).toEqual([
      expect.objectContaining({ location: "bravo-loc", teams: ["bravo"] }),
    ]);
  });
});

describe("deployments", () => {
  it("are as old as the oldest part of their data", () => {
    const prod = deploymentInput("prod", { shared: [asset("f1", "foxtrot")] });
    Object.assign(prod, { statusesAsOf: 50, runsAsOf: 70 });
    prod.locations.asOf = 90;
    const edge = deploymentInput("edge", {});
    Object.assign(edge, { statusesAsOf: null, runsAsOf: null });
    edge.locations.asOf = null;
    const snapshot = buildSnapshot([prod, edge], config.teams, "g", 100);
    const overview = buildOverview(config, [prod.locations, edge.locations], snapshot);
    expect(overview.deployments.map((d) => [d.name, d.asOf])).toEqual([
      ["prod", 50],
      ["edge", null],
    ]);
  });

  it("lists broken locations first", () => {
    const { overview } = world();
    expect(overview.deployments[0]?.locations.map((l) => [l.name, l.status])).toEqual([
      ["bravo-loc", "failed"],
      ["shared", "loaded"],
    ]);
  });
});
