import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import type { AssetDefinition, CodeLocationSnapshot } from "@/lib/domain/types";
import { assignTeam } from "@/lib/teams/assign-team";
import { def } from "@/lib/testing/asset-fixtures";
import { buildOverview } from "./overview-model";

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://dagster:3000/graphql", uiUrl: "http://dagster:3000" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
teams:
  - { slug: analytics, name: Analytics, owners: ["team:analytics"], locations: [{ deployment: prod, location: analytics-team }] }
  - { slug: ml, name: ML, owners: ["team:ml", "dana@example.com"], locations: [] }
`);

function asset(
  location: string,
  owners: AssetDefinition["owners"],
  deployment = "prod",
): AssetDefinition {
  return def([location], { deployment, location }, {}, { owners });
}

describe("assignTeam", () => {
  it("prefers owners over location, in the asset's owner order", () => {
    expect(assignTeam(asset("analytics-team", [{ kind: "team", team: "ml" }]), config.teams)).toBe(
      "ml",
    );
    expect(
      assignTeam(
        asset("x", [
          { kind: "user", email: "nobody@example.com" },
          { kind: "user", email: "dana@example.com" },
        ]),
        config.teams,
      ),
    ).toBe("ml");
  });

  it("falls back to the team owning the location, then to no team", () => {
    expect(assignTeam(asset("analytics-team", []), config.teams)).toBe("analytics");
    expect(assignTeam(asset("analytics-team", [], "staging"), config.teams)).toBeNull();
  });
});

describe("buildOverview", () => {
  it("counts assets per location and per team, and links to Dagster", () => {
    const loc: CodeLocationSnapshot = {
      deployment: "prod",
      name: "analytics-team",
      status: "loaded",
      error: null,
      versionKey: "v1",
      updatedAt: 5,
      repositories: ["__repository__"],
      assets: [
        asset("analytics-team", []),
        asset("analytics-team", [{ kind: "team", team: "ml" }]),
      ],
    };
    const overview = buildOverview(config, [
      { deployment: "prod", asOf: 10, error: null, locations: [loc] },
      { deployment: "staging", asOf: null, error: "connection refused", locations: [] },
    ]);
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
    expect(overview.teams).toEqual([
      { slug: "analytics", name: "Analytics", assetCount: 1 },
      { slug: "ml", name: "ML", assetCount: 1 },
    ]);
  });
});
