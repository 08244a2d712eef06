import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { buildTeamPage } from "@/lib/teams/build-team-page";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { withLocationDown } from "@/lib/testing/outage-fixtures";
import { buildSnapshot } from "./build-snapshot";
import { outageLookup } from "./location-outages";
import { definitionKey } from "./snapshot-types";
import { teamLocationProblems } from "./team-location-problems";

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
  - { name: eu, kind: oss, graphqlUrl: "http://eu:3000/graphql" }
teams:
  - { slug: ml, name: ML, owners: [], locations: [{ deployment: prod, location: ml }] }
  - { slug: etl, name: ETL, owners: ["team:etl"], locations: [{ deployment: prod, location: etl }, { deployment: eu, location: etl }] }
`);
const ml = config.teams.find((t) => t.slug === "ml");
const etl = config.teams.find((t) => t.slug === "etl");
if (!ml || !etl) throw new Error("fixture teams");

const model = def(["model"], { deployment: "prod", location: "ml" });
const orders = def(["orders"], { deployment: "prod", location: "etl" });
const euOrders = def(["orders"], { deployment: "eu", location: "etl" });

/** The prod collector state after `ml` failed to load: it keeps its last good definitions. */
const prodWithBrokenMl = () =>
  withLocationDown(
    deploymentInput(
      "prod",
      [
        [model, failedStatus(5_000)],
        [orders, okStatus(5_000)],
      ],
      9_000,
    ),
    "ml",
  );

describe("location outages in the snapshot", () => {
  it("keeps a failing location's last known assets, health and owner, and says it is down", () => {
    const snap = buildSnapshot([prodWithBrokenMl()], config.teams, "g", 10_000);
    expect(snap.outages).toEqual([
      {
        deployment: "prod",
        location: "ml",
        kind: "location-failed",
        error: { message: "ImportError: broken on purpose", className: "ImportError" },
        since: 8_000,
        assetsAsOf: 6_000,
        assetCount: 1,
      },
    ]);
    // Still in the graph, still owned by ml, with its last known (degraded) health.
    const node = snap.graph.nodes.get(model.id);
    expect(node?.owned.map((o) => o.team)).toEqual(["ml"]);
    expect(snap.definitionHealth.get(definitionKey("prod", model.id))?.overall).toBe("DEGRADED");
    const outageOf = outageLookup(snap.outages);
    expect(outageOf("prod", "ml")?.kind).toBe("location-failed");
    expect(outageOf("prod", "etl")).toBeNull();
  });

  it("marks every location of an unreachable deployment, from its last good data", () => {
    const eu = deploymentInput("eu", [[euOrders, okStatus(5_000)]], 7_000, false);
    eu.locations.errorSince = 9_500;
    const snap = buildSnapshot(
      [deploymentInput("prod", [[orders, okStatus(5_000)]], 9_000), eu],
      config.teams,
      "g",
      10_000,
    );
    expect(snap.outages).toEqual([
      {
        deployment: "eu",
        location: "etl",
        kind: "deployment-unreachable",
        error: { message: "connect ECONNREFUSED", className: null },
        since: 9_500,
        assetsAsOf: 7_000,
        assetCount: 1,
      },
    ]);
    expect(snap.graph.nodes.get(euOrders.id)?.owned.map((o) => o.deployments)).toEqual([
      ["eu"],
      ["prod"],
    ]);
  });

  it("reports a deployment never reached once, with no location", () => {
    const never = deploymentInput("eu", [], null, false);
    const snap = buildSnapshot([never], config.teams, "g", 10_000);
    expect(snap.outages).toMatchObject([
      { deployment: "eu", location: null, kind: "deployment-unreachable", assetCount: 0 },
    ]);
    expect(outageLookup(snap.outages)("eu", "anything")?.location).toBeNull();
  });
});

describe("teamLocationProblems", () => {
  const eu = deploymentInput("eu", [[euOrders, okStatus(5_000)]], 7_000, false);
  const snap = buildSnapshot([prodWithBrokenMl(), eu], config.teams, "g", 10_000);

  it("gives each team the outages of its own locations only", () => {
    expect(teamLocationProblems(snap, ml).map((o) => [o.deployment, o.location])).toEqual([
      ["prod", "ml"],
    ]);
    expect(teamLocationProblems(snap, etl).map((o) => [o.deployment, o.location])).toEqual([
      ["eu", "etl"],
    ]);
  });

  it("narrows to the location filter", () => {
    expect(teamLocationProblems(snap, ml, "etl")).toEqual([]);
    expect(teamLocationProblems(snap, etl, "etl")).toHaveLength(1);
  });

  it("finds a location through the team's assets when the config does not list it", () => {
    const owner = def(
      ["x"],
      { deployment: "prod", location: "ml" },
      {},
      { owners: [{ kind: "team", team: "etl" }] },
    );
    const input = prodWithBrokenMl();
    const loc = input.locations.locations.find((l) => l.name === "ml");
    if (loc) loc.assets = [...loc.assets, owner];
    const withOwner = buildSnapshot([input], config.teams, "g", 10_000);
    expect(teamLocationProblems(withOwner, etl).map((o) => o.location)).toEqual(["ml"]);
  });

  it("counts a deployment never reached for the teams that list it", () => {
    const never = buildSnapshot([deploymentInput("eu", [], null, false)], config.teams, "g", 1);
    expect(teamLocationProblems(never, etl)).toHaveLength(1);
    expect(teamLocationProblems(never, ml)).toEqual([]);
  });
});

describe("the team page of a team whose location is down", () => {
  const page = buildTeamPage({
    snapshot: buildSnapshot([prodWithBrokenMl()], config.teams, "g", 10_000),
    team: ml,
    range: "24h",
    now: 10_000,
    deployEvents: [],
    previousSample: null,
    runsWindowMs: 86_400_000,
  });

  it("still lists and counts its last known assets, each marked, under a banner's problem", () => {
    expect(page.kpis.owned).toBe(1);
    expect(page.kpis.degraded).toBe(1);
    expect(page.assets.map((a) => [a.key, a.locationDown])).toEqual([
      [["model"], "location-failed"],
    ]);
    expect(page.locationProblems.map((p) => [p.location, p.since])).toEqual([["ml", 8_000]]);
  });
});
