import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, okStatus } from "@/lib/testing/deployment-fixtures";
import { withLocationDown } from "@/lib/testing/outage-fixtures";
import { assetDetail } from "./asset-detail";
import { toGraphPayload } from "./graph-payload";

const config = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
teams:
  - { slug: ml, name: ML, owners: [], locations: [{ deployment: prod, location: ml }] }
  - { slug: etl, name: ETL, owners: [], locations: [{ deployment: prod, location: etl }] }
`);

// orders (etl) -> features (ml) -> model (ml); ml declares orders as an external spec.
const orders = def(["orders"], { location: "etl" }, { downstream: [["features"]] });
const ordersSpec = def(
  ["orders"],
  { location: "ml" },
  { downstream: [["features"]] },
  { isMaterializable: false, isObservable: false, isExecutable: false },
);
const features = def(
  ["features"],
  { location: "ml" },
  { upstream: [["orders"]], downstream: [["model"]] },
  { group: "features" },
);
const model = def(["model"], { location: "ml" }, { upstream: [["features"]] }, { group: "models" });
const input = deploymentInput(
  "prod",
  [orders, ordersSpec, features, model].map((d) => [d, okStatus(1_000)]),
  9_000,
);

const payloadOf = (i: typeof input) =>
  toGraphPayload(buildSnapshot([i], config.teams, "g", 10_000), ["etl", "ml"]);
const named = (p: ReturnType<typeof payloadOf>, nodes: number[]) =>
  nodes.map((n) => p.keys[n]?.join("/")).sort();
const groupOf = (p: ReturnType<typeof payloadOf>, key: string) => {
  const g = p.groups[p.group[p.keys.findIndex((k) => k.join("/") === key)] as number];
  return g ? [p.locations[g[0]]?.[1], g[1]] : null;
};

describe("graph payload of a location that fails to load", () => {
  const healthy = payloadOf(input);
  const broken = payloadOf(withLocationDown(input, "ml"));

  it("flags the nodes its location owns, not a key it only references", () => {
    expect(healthy.down).toEqual([]);
    expect(named(broken, broken.down)).toEqual(["features", "model"]);
  });

  it("keeps every node in its place and group", () => {
    expect(broken.keys).toEqual(healthy.keys);
    expect(broken.topology).toBe(healthy.topology);
    expect(groupOf(broken, "model")).toEqual(["ml", "models"]);
    expect(groupOf(broken, "features")).toEqual(["ml", "features"]);
  });

  it("lets node details say the location is down, since when, with its error", () => {
    const down = { since: Date.UTC(2026, 11, 1, 23, 45), assetsAsOf: Date.UTC(2026, 11, 1, 22, 0) };
    const snap = buildSnapshot([withLocationDown(input, "ml", down)], config.teams, "g", 10_000);
    const detail = assetDetail(snap, ["model"]);
    expect(detail?.definitions[0]?.down).toMatchObject({
      kind: "location-failed",
      since: down.since,
    });
    expect(detail?.locationDown).toEqual([
      "ml (prod) location down since 2026-12-01 23:45 UTC, error: ImportError: broken on purpose; last known definitions from 2026-12-01 22:00 UTC",
    ]);
    // orders is etl's: ml only declares it, so its details stay quiet.
    expect(assetDetail(snap, ["orders"])?.locationDown).toEqual([]);
  });
});
