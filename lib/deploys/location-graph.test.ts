import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import { deployOrder } from "./deploy-order";
import { consumersOf, locationEdges, locationsUpstream } from "./location-graph";

// analytics: raw -> clean ; ml: features (reads clean, through a reference) -> model ;
// finance: report (reads model). The same keys in staging, where nothing reads clean.
const prod = [
  def(["raw"], { location: "analytics" }, { downstream: [["clean"]] }),
  def(["clean"], { location: "analytics" }, { upstream: [["raw"]] }),
  def(["clean"], { location: "ml" }, {}, { isMaterializable: false, isExecutable: false }),
  def(["features"], { location: "ml" }, { upstream: [["clean"]] }),
  def(["model"], { location: "ml" }, { upstream: [["features"]] }),
  def(["report"], { location: "finance" }, { upstream: [["model"]] }),
];
const staging = [
  def(["raw"], { deployment: "staging", location: "analytics" }),
  def(["clean"], { deployment: "staging", location: "analytics" }, { upstream: [["raw"]] }),
];

describe("consumersOf", () => {
  const graph = buildGraph([...prod, ...staging], []);

  it("finds consumers in other locations at any depth, never the location's own assets", () => {
    expect(consumersOf(graph, { deployment: "prod", location: "analytics" })).toEqual([
      { deployment: "prod", location: "finance", assetId: assetId(["report"]) },
      { deployment: "prod", location: "ml", assetId: assetId(["features"]) },
      { deployment: "prod", location: "ml", assetId: assetId(["model"]) },
    ]);
    expect(consumersOf(graph, { deployment: "prod", location: "finance" })).toEqual([]);
  });

  it("stays within the deploy's deployment", () => {
    expect(consumersOf(graph, { deployment: "staging", location: "analytics" })).toEqual([]);
  });
});

describe("locationEdges + deployOrder", () => {
  it("orders locations upstream first; a reference links nothing by itself", () => {
    const graph = buildGraph(prod, []);
    const edges = locationEdges(graph, "prod");
    expect(edges).toEqual([
      { from: "analytics", to: "ml" },
      { from: "ml", to: "finance" },
    ]);
    const order = deployOrder(["finance", "ml", "analytics", "billing"], edges);
    expect(order.cycles).toEqual([]);
    expect(order.steps.map((s) => [s.wave, s.locations.join("+"), s.after.join("+")])).toEqual([
      [1, "analytics", ""],
      [1, "billing", ""],
      [2, "ml", "analytics"],
      [3, "finance", "ml"],
    ]);
  });

  it("flags locations that read each other as one step", () => {
    const order = deployOrder(
      [],
      [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
        { from: "c", to: "b" },
        { from: "c", to: "d" },
      ],
    );
    expect(order.cycles).toEqual([["b", "c"]]);
    expect(order.steps).toEqual([
      { wave: 1, locations: ["a"], cycle: false, after: [] },
      { wave: 2, locations: ["b", "c"], cycle: true, after: ["a"] },
      { wave: 3, locations: ["d"], cycle: false, after: ["b", "c"] },
    ]);
  });
});

describe("answers kept per graph", () => {
  const at = { deployment: "prod", location: "analytics" };

  it("answers the same graph twice with one shared, frozen answer", () => {
    const graph = buildGraph(prod, []);
    const first = consumersOf(graph, at);
    expect(consumersOf(graph, at)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(locationsUpstream(graph, { deployment: "prod", location: "finance" })).toBe(
      locationsUpstream(graph, { deployment: "prod", location: "finance" }),
    );
  });

  it("answers a new graph from that graph: a new consumer is found", () => {
    const before = consumersOf(buildGraph(prod, []), at);
    const withAudit = [...prod, def(["audit"], { location: "audit" }, { upstream: [["raw"]] })];
    const after = consumersOf(buildGraph(withAudit, []), at);
    expect(after).not.toEqual(before);
    expect(after).toContainEqual({
      deployment: "prod",
      location: "audit",
      assetId: assetId(["audit"]),
    });
    expect(locationEdges(buildGraph(withAudit, []), "prod")).toContainEqual({
      from: "analytics",
      to: "audit",
    });
  });
});
