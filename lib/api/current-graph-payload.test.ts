import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, okStatus } from "@/lib/testing/deployment-fixtures";

const yaml = (teams: string) => `
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
teams:
${teams}
`;
const ML =
  "  - { slug: ml, name: ML, owners: [], locations: [{ deployment: prod, location: ml }] }";
const ETL =
  "  - { slug: etl, name: ETL, owners: [], locations: [{ deployment: prod, location: etl }] }";

let configText = yaml(ML);
vi.mock("@/lib/config/load-config", () => ({ loadConfig: () => parseConfig(configText) }));
vi.mock("@/lib/collector/collectors", () => ({ getSnapshot: vi.fn() }));

const { graphPayloadOf } = await import("./current-graph-payload");

const orders = def(["orders"], { location: "etl" }, { downstream: [["features"]] });
const features = def(["features"], { location: "ml" }, { upstream: [["orders"]] });
const snapshotAt = (generation: string) =>
  buildSnapshot(
    [
      deploymentInput(
        "prod",
        [orders, features].map((d) => [d, okStatus(1_000)]),
        9_000,
      ),
    ],
    parseConfig(configText).teams,
    generation,
    10_000,
  );

describe("graphPayloadOf", () => {
  beforeEach(() => {
    configText = yaml(ML);
  });

  it("builds one payload per snapshot, shared by every later request", () => {
    const snapshot = snapshotAt("g1");
    const first = graphPayloadOf(snapshot);
    expect(first.generation).toBe("g1");
    expect(first.keys.map((k) => k.join("/")).sort()).toEqual(["features", "orders"]);
    expect(graphPayloadOf(snapshot)).toBe(first);
  });

  it("builds again for a new snapshot", () => {
    const a = graphPayloadOf(snapshotAt("g1"));
    const b = graphPayloadOf(snapshotAt("g2"));
    expect(b).not.toBe(a);
    expect(b.generation).toBe("g2");
  });

  it("builds again when the configured teams change", () => {
    const snapshot = snapshotAt("g1");
    const before = graphPayloadOf(snapshot);
    expect(before.teams).toEqual(["ml"]);
    configText = yaml(`${ML}\n${ETL}`);
    const after = graphPayloadOf(snapshot);
    expect(after).not.toBe(before);
    expect(after.teams).toEqual(["ml", "etl"]);
  });
});
