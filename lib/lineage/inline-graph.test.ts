import { describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, okStatus } from "@/lib/testing/deployment-fixtures";

const yaml = (max: number) => `
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
lineage: { inlineGraphMaxAssets: ${max} }
`;
let configText = yaml(2);
vi.mock("@/lib/config/load-config", () => ({ loadConfig: () => parseConfig(configText) }));
vi.mock("@/lib/collector/collectors", () => ({ getSnapshot: vi.fn() }));

const { inlineGraphJson } = await import("./inline-graph");
const { graphPayloadOf } = await import("@/lib/api/current-graph-payload");

// A key that would end the document's <script> element early if copied raw.
const hostile = def(["</script><script>alert(1)</script>"], { location: "etl" });
const orders = def(["orders"], { location: "etl" });
const snapshot = buildSnapshot(
  [
    deploymentInput(
      "prod",
      [hostile, orders].map((d) => [d, okStatus(1_000)]),
      9_000,
    ),
  ],
  [],
  "g1",
  10_000,
);

describe("inlineGraphJson", () => {
  it("is the graph API's payload, with no '<' left to close the script element", () => {
    configText = yaml(2);
    const text = inlineGraphJson(snapshot);
    expect(text).not.toBeNull();
    expect(text).not.toContain("<");
    expect(JSON.parse(text as string)).toEqual(graphPayloadOf(snapshot));
  });

  it("is null for a graph with more assets than the config allows, and for 0", () => {
    configText = yaml(1);
    expect(inlineGraphJson(snapshot)).toBeNull();
    configText = yaml(0);
    expect(inlineGraphJson(snapshot)).toBeNull();
    configText = yaml(2);
    expect(inlineGraphJson(snapshot)).not.toBeNull();
  });
});
