import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import type { AssetDefinition } from "@/lib/domain/types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { buildTeamPage } from "@/lib/teams/build-team-page";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, MATERIALIZED } from "@/lib/testing/snapshot-fixtures";
import { buildOverview } from "./overview-model";

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://dagster:3000/graphql", uiUrl: "http://dagster:3000" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
teams:
  - slug: analytics
    name: Analytics
    owners: ["team:analytics"]
    locations: [{ deployment: prod, location: analytics-team }]
  - { slug: ml, name: ML, owners: ["team:ml"] }
`);

function asset(
  name: string,
  location: string,
  owners: AssetDefinition["owners"],
  deployment = "prod",
  extra: Partial<AssetDefinition> = {},
): AssetDefinition {
  return def([name], { deployment, location }, {}, { owners, ...extra });
}

const ML = [{ kind: "team" as const, team: "ml" }];
const EXTERNAL = { isMaterializable: false, isObservable: false, isExecutable: false };

describe("buildOverview", () => {
  it("counts assets per location and per team, and links to Dagster", () => {
    const prod = deploymentInput("prod", {
      "analytics-team": [
        asset("orders", "analytics-team", []),
        asset("model", "analytics-team", ML),
      ],
    });
    const staging = deploymentInput("staging", {});
    const unreachable = { ...staging.locations, asOf: null, error: "connection refused" };
    // Never reached: no part of its data was ever fetched.
    Object.assign(staging, { locations: unreachable, statusesAsOf: null, runsAsOf: null });
    const overview = buildOverview(
      config,
      [prod.locations, unreachable],
      buildSnapshot([prod, staging], config.teams, "g", 1),
    );
    expect(overview.deployments[0]?.locations[0]).toMatchObject({
      name: "analytics-team",
      assetCount: 2,
      dagsterUrl: "http://dagster:3000/locations/analytics-team/assets",
    });
    expect(overview.deployments[1]).toMatchObject({
      error: "connection refused",
      asOf: null,
      dagsterUrl: null,
    });
    expect(
      overview.teams.map(({ slug, name, assetCount }) => ({ slug, name, assetCount })),
    ).toEqual([
      { slug: "analytics", name: "Analytics", assetCount: 1 },
      { slug: "ml", name: "ML", assetCount: 1 },
    ]);
  });

  it("counts on each tile what the team page counts", () => {
    // Two teams in one location by owner, one key in two deployments, and an
    // external spec of an analytics asset declared in ML's location.
    const inputs = [
      deploymentInput(
        "prod",
        {
          "analytics-team": [
            asset("orders", "analytics-team", []),
            asset("customers", "analytics-team", []),
            asset("features", "analytics-team", ML),
          ],
          "ml-platform": [asset("orders", "ml-platform", ML, "prod", EXTERNAL)],
        },
        { '["orders"]': MATERIALIZED },
      ),
      deploymentInput("staging", {
        etl: [asset("orders", "etl", [{ kind: "team", team: "analytics" }], "staging")],
      }),
    ];
    const snapshot = buildSnapshot(inputs, config.teams, "g", 1);
    const overview = buildOverview(
      config,
      inputs.map((i) => i.locations),
      snapshot,
    );
    const page = (slug: string) =>
      buildTeamPage({
        snapshot,
        team: config.teams.find((t) => t.slug === slug) as (typeof config.teams)[number],
        range: "7d",
        now: 1,
        deployEvents: [],
        previousSample: null,
        runsWindowMs: 30 * 86_400_000,
      });
    // By hand: analytics owns orders@prod, customers@prod, orders@staging; ml owns features@prod.
    expect(overview.teams.map((t) => [t.slug, t.assetCount])).toEqual([
      ["analytics", 3],
      ["ml", 1],
    ]);
    for (const tile of overview.teams) {
      expect(page(tile.slug).kpis.owned).toBe(tile.assetCount);
      expect(page(tile.slug).assets).toHaveLength(tile.assetCount);
    }
  });
});
