import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { type AssetDefinition, assetId } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { buildGraph } from "./build-graph";
import type { LineageGraph } from "./graph-types";

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
  - { name: prod-eu, kind: oss, graphqlUrl: "http://eu:3000/graphql" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
teams:
  - slug: analytics
    name: Analytics
    owners: ["team:analytics"]
    locations: [{ deployment: prod, location: analytics-team }, { deployment: prod-eu, location: analytics-team }]
  - { slug: ml, name: ML, owners: ["team:ml"], locations: [{ deployment: prod, location: ml-platform }, { deployment: staging, location: analytics-team }] }
identity: { mergeDeployments: [[prod-eu, prod]] }
`);

const ORDERS = assetId(["orders"]);
const EXTERNAL = { isMaterializable: false, isObservable: false, isExecutable: false };

/** The owned assets of `orders` as [deployments, team, shown location], in both input orders. */
function ownership(defs: AssetDefinition[], identity = { mergeDeployments: [] as string[][] }) {
  const read = (g: LineageGraph) =>
    (g.nodes.get(ORDERS)?.owned ?? []).map((o) => [
      o.deployments.join("+"),
      o.team,
      o.definitions[0]?.location,
    ]);
  const forward = read(buildGraph(defs, config.teams, identity));
  const backward = read(buildGraph([...defs].reverse(), config.teams, identity));
  expect(backward).toEqual(forward); // never "first wins"
  return forward;
}

describe("ownership in the lineage join", () => {
  it("never gives an asset to the external spec a consumer location declares", () => {
    const defs = [
      def(["orders"], { location: "analytics-team" }, { downstream: [["features"]] }),
      def(["orders"], { location: "ml-platform" }, {}, EXTERNAL),
      def(["features"], { location: "ml-platform" }, { upstream: [["orders"]] }),
    ];
    expect(ownership(defs)).toEqual([["prod", "analytics", "analytics-team"]]);
    const node = buildGraph([...defs].reverse(), config.teams).nodes.get(ORDERS);
    expect(node?.teams).toEqual(["analytics"]);
    expect(node?.references.map((d) => d.location)).toEqual(["ml-platform"]);
    // The reference still carries lineage.
    expect(node?.definitions).toHaveLength(2);
  });

  it("ignores a spec's own owner tags too", () => {
    const defs = [
      def(["orders"], { location: "analytics-team" }),
      def(
        ["orders"],
        { location: "x" },
        {},
        { ...EXTERNAL, owners: [{ kind: "team", team: "ml" }] },
      ),
    ];
    expect(ownership(defs)).toEqual([["prod", "analytics", "analytics-team"]]);
  });

  it("gives each deployment defining one key its own owned asset", () => {
    const defs = [
      def(["orders"], { deployment: "prod", location: "analytics-team" }),
      def(["orders"], { deployment: "staging", location: "analytics-team" }),
    ];
    expect(ownership(defs)).toEqual([
      ["prod", "analytics", "analytics-team"],
      ["staging", "ml", "analytics-team"],
    ]);
    expect(buildGraph(defs, config.teams).nodes.get(ORDERS)?.teams).toEqual(["analytics", "ml"]);
  });

  it("merges deployments only by the configured rule, showing the group's first deployment", () => {
    const defs = [
      def(["orders"], { deployment: "prod", location: "analytics-team" }),
      def(["orders"], { deployment: "prod-eu", location: "analytics-team" }),
      def(["orders"], { deployment: "staging", location: "analytics-team" }),
    ];
    expect(ownership(defs)).toHaveLength(3);
    const merged = ownership(defs, config.identity);
    expect(merged).toEqual([
      ["prod-eu+prod", "analytics", "analytics-team"],
      ["staging", "ml", "analytics-team"],
    ]);
    const unit = buildGraph(defs, config.teams, config.identity).nodes.get(ORDERS)?.owned[0];
    expect(unit?.definitions.map((d) => d.deployment)).toEqual(["prod-eu", "prod"]);
  });

  it("does not merge across teams inside a merge group", () => {
    const defs = [
      def(["orders"], { deployment: "prod", location: "ml-platform" }),
      def(["orders"], { deployment: "prod-eu", location: "analytics-team" }),
    ];
    expect(ownership(defs, config.identity)).toEqual([
      ["prod", "ml", "ml-platform"],
      ["prod-eu", "analytics", "analytics-team"],
    ]);
  });

  it("leaves stubs (keys defined nowhere read) unowned", () => {
    const graph = buildGraph([def(["report"], {}, { upstream: [["orders"]] })], config.teams);
    expect(graph.nodes.get(ORDERS)).toMatchObject({ isStub: true, owned: [], teams: [] });
  });
});
