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
// The payload builder, spied on: how often the inline JSON is built.
vi.mock("@/lib/api/current-graph-payload", async (actual) => {
  const real = await actual<typeof import("@/lib/api/current-graph-payload")>();
  return { ...real, graphPayloadOf: vi.fn(real.graphPayloadOf) };
});

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
  it("encodes once per generation, though each getSnapshot returns a new object", () => {
    configText = yaml(2);
    const built = vi.mocked(graphPayloadOf);
    built.mockClear();
    const first = inlineGraphJson({ ...snapshot, generation: "g-once" }, "prod");
    expect(inlineGraphJson({ ...snapshot, generation: "g-once" }, "prod")).toBe(first);
    expect(built).toHaveBeenCalledTimes(1);
    // Another environment, or another generation, is encoded on its own.
    expect(inlineGraphJson({ ...snapshot, generation: "g-once" }, "staging")).toEqual(first);
    inlineGraphJson({ ...snapshot, generation: "g-next" }, "prod");
    expect(built).toHaveBeenCalledTimes(3);
  });

  it("is the graph API's payload, with no '<' left to close the script element", () => {
    configText = yaml(2);
    const text = inlineGraphJson(snapshot, "prod");
    expect(text).not.toBeNull();
    expect(text).not.toContain("<");
    expect(JSON.parse(text as string)).toEqual(graphPayloadOf(snapshot));
  });

  it("is null for a graph with more assets than the config allows, and for 0", () => {
    configText = yaml(1);
    expect(inlineGraphJson(snapshot, "prod")).toBeNull();
    configText = yaml(0);
    expect(inlineGraphJson(snapshot, "prod")).toBeNull();
    configText = yaml(2);
    expect(inlineGraphJson(snapshot, "prod")).not.toBeNull();
  });
});
