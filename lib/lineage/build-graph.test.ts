import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { buildGraph } from "./build-graph";
import { findCycles } from "./find-cycles";

const TEAMS = [
  { slug: "analytics", name: "A", owners: ["team:analytics"], locations: [] },
  { slug: "ml", name: "M", owners: [], locations: [{ deployment: "prod", location: "ml" }] },
];

const id = (...path: string[]) => assetId(path);

describe("buildGraph", () => {
  it("joins lineage across three locations and flags cross-location edges", () => {
    const graph = buildGraph(
      [
        def(
          ["orders"],
          { location: "analytics" },
          { downstream: [["features"]] },
          {
            owners: [{ kind: "team", team: "analytics" }],
          },
        ),
        def(
          ["features"],
          { location: "ml" },
          { upstream: [["orders"]], downstream: [["forecast"]] },
        ),
        def(["forecast"], { location: "finance" }, { upstream: [["features"], ["orders"]] }),
      ],
      TEAMS,
    );
    expect([...graph.nodes.keys()].sort()).toEqual([id("features"), id("forecast"), id("orders")]);
    const edges = graph.edges.map((e) => [e.from, e.to, e.crossLocation, e.crossDeployment]);
    expect(edges).toHaveLength(3); // orders→features seen from both sides is one edge
    expect(edges).toContainEqual([id("orders"), id("features"), true, false]);
    expect(edges).toContainEqual([id("features"), id("forecast"), true, false]);
    expect(graph.upstream.get(id("forecast"))?.sort()).toEqual([id("features"), id("orders")]);
    expect(graph.downstream.get(id("orders"))?.sort()).toEqual([id("features"), id("forecast")]);
    expect(graph.nodes.get(id("orders"))?.teams).toEqual(["analytics"]);
    expect(graph.nodes.get(id("features"))?.teams).toEqual(["ml"]);
    expect(graph.nodes.get(id("forecast"))?.teams).toEqual([]);
  });

  it("does not flag edges inside one location", () => {
    const graph = buildGraph(
      [def(["raw"], {}, { downstream: [["clean"]] }), def(["clean"], {}, { upstream: [["raw"]] })],
      [],
    );
    expect(graph.edges).toEqual([
      { from: id("raw"), to: id("clean"), crossLocation: false, crossDeployment: false },
    ]);
  });

  it("makes one logical asset of a key defined in two deployments", () => {
    const graph = buildGraph(
      [
        def(["orders"], { deployment: "prod", location: "a" }, { downstream: [["report"]] }),
        def(["orders"], { deployment: "staging", location: "a" }),
        def(["report"], { deployment: "prod", location: "a" }, { upstream: [["orders"]] }),
      ],
      [],
    );
    const orders = graph.nodes.get(id("orders"));
    expect(orders?.definitions.map((d) => d.deployment)).toEqual(["prod", "staging"]);
    expect(graph.edges).toEqual([
      { from: id("orders"), to: id("report"), crossLocation: false, crossDeployment: false },
    ]);
  });

  it("flags an edge to a key defined only in another deployment", () => {
    const graph = buildGraph(
      [
        def(["orders"], { deployment: "prod", location: "a" }),
        def(
          ["branch_report"],
          { deployment: "branch-42", location: "a" },
          { upstream: [["orders"]] },
        ),
      ],
      [],
    );
    expect(graph.edges).toEqual([
      { from: id("orders"), to: id("branch_report"), crossLocation: true, crossDeployment: true },
    ]);
  });

  it("turns keys referenced but defined nowhere into stub nodes", () => {
    const graph = buildGraph([def(["report"], {}, { upstream: [["external", "s3_dump"]] })], []);
    const stub = graph.nodes.get(id("external", "s3_dump"));
    expect(stub).toMatchObject({ isStub: true, definitions: [], key: ["external", "s3_dump"] });
    expect(graph.edges[0]).toMatchObject({ crossLocation: false, crossDeployment: false });
  });

  it("keeps keys containing '/' distinct from multi-part keys", () => {
    const graph = buildGraph(
      [
        def(["a/b"], { location: "x" }, { downstream: [["a", "b"]] }),
        def(["a", "b"], { location: "y" }, { upstream: [["a/b"]] }),
      ],
      [],
    );
    expect(graph.nodes.size).toBe(2);
    expect(graph.edges).toEqual([
      { from: '["a/b"]', to: '["a","b"]', crossLocation: true, crossDeployment: false },
    ]);
  });

  it("reports cycles without crashing and drops self-edges", () => {
    const graph = buildGraph(
      [
        def(["a"], {}, { upstream: [["c"], ["a"]] }),
        def(["b"], {}, { upstream: [["a"]] }),
        def(["c"], {}, { upstream: [["b"]] }),
        def(["d"], {}, { upstream: [["c"]] }),
      ],
      [],
    );
    expect(graph.cycles.map((c) => [...c].sort())).toEqual([[id("a"), id("b"), id("c")]]);
    expect(graph.edges.some((e) => e.from === e.to)).toBe(false);
  });
});

describe("findCycles", () => {
  it("finds every cycle and ignores acyclic parts", () => {
    const downstream = new Map<string, string[]>([
      ["1", ["2"]],
      ["2", ["1", "3"]],
      ["3", ["4"]],
      ["4", ["5"]],
      ["5", ["3"]],
      ["6", []],
    ]);
    expect(findCycles(downstream).map((c) => [...c].sort())).toEqual([
      ["3", "4", "5"],
      ["1", "2"],
    ]);
  });

  it("handles a 50,000-node chain without overflowing the stack", () => {
    const downstream = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++)
      downstream.set(String(i), i + 1 < 50_000 ? [String(i + 1)] : ["0"]);
    const cycles = findCycles(downstream);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(50_000);
  });
});
