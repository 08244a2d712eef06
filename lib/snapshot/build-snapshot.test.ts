import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { assetId } from "@/lib/domain/types";
import { teamAssets } from "@/lib/teams/team-assets";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, FAILING_CHECK, MATERIALIZED } from "@/lib/testing/snapshot-fixtures";
import { buildSnapshot } from "./build-snapshot";
import { definitionKey } from "./snapshot-types";

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
  - { name: branch, kind: oss, graphqlUrl: "http://branch:3000/graphql" }
teams:
  - slug: analytics
    name: Analytics
    owners: []
    locations: [{ deployment: prod, location: etl }, { deployment: staging, location: etl }]
  - { slug: ml, name: ML, owners: [], locations: [{ deployment: branch, location: ml }] }
`);

const ORDERS = assetId(["orders"]);
const EXTERNAL = { isMaterializable: false, isObservable: false, isExecutable: false };

// orders: healthy in prod, a failing check in staging; branch declares it as
// an external spec (and has never seen it materialize) for its own model.
const inputs = [
  deploymentInput(
    "prod",
    { etl: [def(["orders"], { deployment: "prod", location: "etl" })] },
    {
      [ORDERS]: MATERIALIZED,
    },
  ),
  deploymentInput(
    "staging",
    { etl: [def(["orders"], { deployment: "staging", location: "etl" })] },
    { [ORDERS]: FAILING_CHECK },
  ),
  deploymentInput("branch", {
    ml: [
      def(["orders"], { deployment: "branch", location: "ml" }, {}, EXTERNAL),
      def(["model"], { deployment: "branch", location: "ml" }, { upstream: [["orders"]] }),
    ],
  }),
];

const rows = (snap: ReturnType<typeof buildSnapshot>, team: string, location?: string) =>
  teamAssets(snap, team, location).map((a) => [
    a.node.key.join("/"),
    a.def.deployment,
    a.health.overall,
  ]);

describe("buildSnapshot across deployments", () => {
  const snap = buildSnapshot(inputs, config.teams, "g1", 5);

  it("keeps health per (deployment, key)", () => {
    expect(snap.definitionHealth.get(definitionKey("prod", ORDERS))?.overall).toBe("HEALTHY");
    expect(snap.definitionHealth.get(definitionKey("staging", ORDERS))?.overall).toBe("DEGRADED");
    expect(snap.definitionHealth.get(definitionKey("branch", ORDERS))?.overall).toBe("UNKNOWN");
  });

  it("lists a key owned in two deployments as two team assets, each with its own health", () => {
    expect(rows(snap, "analytics")).toEqual([
      ["orders", "prod", "HEALTHY"],
      ["orders", "staging", "DEGRADED"],
    ]);
    // The consumer's external spec neither gives it the asset nor shows up as its own.
    expect(rows(snap, "ml")).toEqual([["model", "branch", "UNKNOWN"]]);
  });

  it("applies the location filter per definition", () => {
    expect(rows(snap, "analytics", "etl")).toHaveLength(2);
    expect(rows(snap, "analytics", "ml")).toEqual([]);
    expect(rows(snap, "ml", "etl")).toEqual([]);
  });

  it("shows the lineage node as the worst of its owned assets, never of a reference", () => {
    expect(snap.health.get(ORDERS)?.overall).toBe("DEGRADED");
    const prodOnly = buildSnapshot(
      [inputs[0], inputs[2]].filter((x) => !!x),
      config.teams,
      "g2",
      5,
    );
    // branch's UNKNOWN (it only declares orders) must not hide prod's HEALTHY.
    expect(prodOnly.health.get(ORDERS)?.overall).toBe("HEALTHY");
  });

  it("merges deployments only by the configured rule, as the worst of the group", () => {
    const merged = buildSnapshot(inputs, config.teams, "g3", 5, {
      mergeDeployments: [["staging", "prod"]],
    });
    expect(rows(merged, "analytics")).toEqual([["orders", "staging", "DEGRADED"]]);
    expect(teamAssets(merged, "analytics")[0]?.owned.deployments).toEqual(["staging", "prod"]);
  });

  it("keeps the previous graph while the locations hold the same definitions, and builds anew when one changes", () => {
    const withStatus = inputs.map((d) =>
      d.deployment === "prod" ? { ...d, statuses: new Map([[ORDERS, FAILING_CHECK]]) } : d,
    );
    const next = buildSnapshot(withStatus, config.teams, "g4", 6, undefined, snap);
    expect(next.graph).toBe(snap.graph);
    // The kept graph still carries the new statuses' health.
    expect(next.health.get(ORDERS)?.overall).toBe("DEGRADED");
    expect(next.definitionHealth.get(definitionKey("prod", ORDERS))?.overall).toBe("DEGRADED");

    // A reload brings a new assets array: the graph is rebuilt from it.
    const reloaded = inputs.map((d) =>
      d.deployment === "prod"
        ? deploymentInput("prod", {
            etl: [
              def(["orders"], { deployment: "prod", location: "etl" }),
              def(["refunds"], { deployment: "prod", location: "etl" }),
            ],
          })
        : d,
    );
    const rebuilt = buildSnapshot(reloaded, config.teams, "g5", 7, undefined, snap);
    expect(rebuilt.graph).not.toBe(snap.graph);
    expect(rebuilt.graph.nodes.has(assetId(["refunds"]))).toBe(true);
  });
});
