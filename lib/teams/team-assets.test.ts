import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { assetId } from "@/lib/domain/types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, FAILING_CHECK, MATERIALIZED } from "@/lib/testing/snapshot-fixtures";
import { teamAssets } from "./team-assets";

const config = parseConfig(`
teams:
  - slug: analytics
    name: Analytics
    owners: []
    locations:
      - { deployment: prod, location: etl }
      - { deployment: staging, location: etl_v2 }
  - { slug: ml, name: ML, owners: [], locations: [{ deployment: prod, location: ml }] }
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
`);

const prod = (key: string, location: string) => def([key], { deployment: "prod", location });
const stagingDef = (key: string) => def([key], { deployment: "staging", location: "etl_v2" });

// Keys given out of order; "scratch" is in a location no team owns.
const inputs = (ordersStatus = MATERIALIZED) => [
  deploymentInput(
    "prod",
    {
      etl: [prod("zeta", "etl"), prod("orders", "etl"), prod("Beta", "etl")],
      ml: [prod("model", "ml")],
      scratch: [prod("tmp", "scratch")],
    },
    { [assetId(["orders"])]: ordersStatus },
  ),
  deploymentInput("staging", { etl_v2: [stagingDef("orders")] }, {}),
];

const keys = (list: ReturnType<typeof teamAssets>) =>
  list.map((a) => `${a.node.key.join("/")}@${a.def.deployment}:${a.def.location}`);

describe("teamAssets", () => {
  const snap = buildSnapshot(inputs(), config.teams, "g1", 5);

  it("groups every team's assets, sorted as localeCompare sorts ids, then by deployment", () => {
    expect(keys(teamAssets(snap, "analytics"))).toEqual([
      "Beta@prod:etl",
      "orders@prod:etl",
      "orders@staging:etl_v2",
      "zeta@prod:etl",
    ]);
    expect(keys(teamAssets(snap, "ml"))).toEqual(["model@prod:ml"]);
    expect(keys(teamAssets(snap, null))).toEqual(["tmp@prod:scratch"]);
    expect(teamAssets(snap, "nobody")).toEqual([]);
  });

  it("filters by location, per definition", () => {
    expect(keys(teamAssets(snap, "analytics", "etl_v2"))).toEqual(["orders@staging:etl_v2"]);
    expect(keys(teamAssets(snap, "analytics", "ml"))).toEqual([]);
  });

  it("shows a merged group's definition in the location asked for, with its status", () => {
    const merged = buildSnapshot(inputs(), config.teams, "g2", 5, {
      mergeDeployments: [["prod", "staging"]],
    });
    const all = teamAssets(merged, "analytics").filter((a) => a.node.key[0] === "orders");
    expect(keys(all)).toEqual(["orders@prod:etl"]);
    const inV2 = teamAssets(merged, "analytics", "etl_v2");
    expect(keys(inV2)).toEqual(["orders@staging:etl_v2"]);
    // The staging definition has no status of its own; prod's is not borrowed.
    expect(inV2[0]?.status).toBeUndefined();
    expect(all[0]?.status?.lastMaterializedAt).toBe(MATERIALIZED.lastMaterializedAt);
  });

  it("follows a new snapshot's content, and shares the work across copies of one snapshot", () => {
    const next = buildSnapshot(inputs(FAILING_CHECK), config.teams, "g3", 6);
    const orders = (s: typeof snap) =>
      teamAssets(s, "analytics").find(
        (a) => a.node.key[0] === "orders" && a.def.deployment === "prod",
      );
    expect(orders(snap)?.health.overall).toBe("HEALTHY");
    expect(orders(next)?.health.overall).toBe("DEGRADED");
    // getSnapshot hands out shallow copies with live as-of times: same content, same entries.
    expect(orders({ ...next, deployments: [] })).toBe(orders(next));
  });

  it("gives each caller its own list", () => {
    const first = teamAssets(snap, "analytics");
    first.length = 0;
    expect(teamAssets(snap, "analytics")).toHaveLength(4);
  });
});
