import { describe, expect, it } from "vitest";
import type { GraphPayload } from "@/lib/api/graph-payload";
import { LAYOUT } from "./layout-constants";
import { buildGraphSpatial, cullScene, nodeAt, type WorldRect } from "./scene-culling";

/**
 * Two groups side by side: group 0 holds nodes 0-2 in a column at x = 0,
 * group 1 holds nodes 3-5 in a column at x = 5000. Edges: 0->1, 1->2 (inside
 * group 0), 0->3 and 2->5 (across), 3->4 (inside group 1).
 */
function payload(): GraphPayload {
  const n = 6;
  return {
    generation: "g",
    topology: "t",
    deployments: ["prod"],
    locations: [
      [0, "a"],
      [0, "b"],
    ],
    groups: [
      [0, "left"],
      [1, "right"],
    ],
    teams: [],
    kinds: [],
    keys: Array.from({ length: n }, (_, i) => [`n${i}`]),
    group: [0, 0, 0, 1, 1, 1],
    team: Array(n).fill(-1),
    sharedTeams: [],
    nodeKinds: Array.from({ length: n }, () => []),
    health: "HHHHHH",
    down: [],
    x: [0, 0, 0, 5000, 5000, 5000],
    y: [0, 1000, 2000, 0, 1000, 2000],
    boxes: [
      [-10, -10, 210, 2040],
      [4990, -10, 210, 2040],
    ],
    edges: [0, 1, 0, 1, 2, 0, 0, 3, 1, 2, 5, 1, 3, 4, 0],
    cycles: [],
  };
}

const all = (n: number) => new Uint8Array(n).fill(1);
const rect = (x0: number, y0: number, x1: number, y1: number): WorldRect => ({ x0, y0, x1, y1 });
/** Edge numbers as [from, to] pairs, sorted, so the expectations read as the graph. */
const pairs = (p: GraphPayload, edges: number[]) =>
  edges
    .map((e) => [p.edges[3 * e] as number, p.edges[3 * e + 1] as number] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe("cullScene", () => {
  const p = payload();
  const s = buildGraphSpatial(p);

  it("keeps only nodes whose box meets the rectangle, and the edges touching them", () => {
    // Around node 0 only.
    const c = cullScene(s, p, all(6), new Set(), rect(-50, -50, 300, 100));
    expect(c.nodes).toEqual([0]);
    expect(c.bands).toEqual([0]);
    expect(pairs(p, c.edges)).toEqual([
      [0, 1],
      [0, 3],
    ]);
  });

  it("leaves out an edge that only passes across the screen", () => {
    // Between the columns, halfway down: the 2->5 and 0->3 lines may cross it, but neither end is here.
    const c = cullScene(s, p, all(6), new Set(), rect(1000, 0, 4000, 2100));
    expect(c.nodes).toEqual([]);
    expect(c.edges).toEqual([]);
  });

  it("lists each edge once when both ends are on screen", () => {
    const c = cullScene(s, p, all(6), new Set(), rect(-1e5, -1e5, 1e5, 1e5));
    expect(c.nodes).toEqual([0, 1, 2, 3, 4, 5]);
    expect(c.edges.length).toBe(5);
    expect(new Set(c.edges).size).toBe(5);
  });

  it("drops hidden nodes and every edge with a hidden end", () => {
    const visible = all(6);
    visible[3] = 0;
    const c = cullScene(s, p, visible, new Set(), rect(-1e5, -1e5, 1e5, 1e5));
    expect(c.nodes).toEqual([0, 1, 2, 4, 5]);
    expect(pairs(p, c.edges)).toEqual([
      [0, 1],
      [1, 2],
      [2, 5],
    ]);
  });

  it("draws a collapsed group's edges from its band, not its nodes", () => {
    // Group 1 collapsed; the rectangle sees its band's top but none of node 4's or 5's old boxes.
    const c = cullScene(s, p, all(6), new Set([1]), rect(4900, -20, 5300, 10));
    expect(c.nodes).toEqual([]);
    expect(c.bands).toEqual([1]);
    expect(pairs(p, c.edges)).toEqual([
      [0, 3],
      [2, 5],
      [3, 4],
    ]);
  });

  it("follows a new visibility mask: a group with no visible node loses its band", () => {
    const everywhere = rect(-1e5, -1e5, 1e5, 1e5);
    expect(cullScene(s, p, all(6), new Set(), everywhere).bands).toEqual([0, 1]);
    const leftOnly = new Uint8Array([1, 1, 1, 0, 0, 0]);
    expect(cullScene(s, p, leftOnly, new Set(), everywhere).bands).toEqual([0]);
    expect(cullScene(s, p, all(6), new Set(), everywhere).bands).toEqual([0, 1]);
  });

  it("gives the same answer on repeated culls (its scratch marks are reset)", () => {
    const r = rect(-50, 900, 300, 1100);
    const first = cullScene(s, p, all(6), new Set(), r);
    const second = cullScene(s, p, all(6), new Set(), r);
    expect(second).toEqual(first);
    expect(pairs(p, first.edges)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});

describe("nodeAt", () => {
  const p = payload();
  const s = buildGraphSpatial(p);

  it("finds the drawn node under the point", () => {
    expect(nodeAt(s, p, all(6), new Set(), 5000 + LAYOUT.nodeW / 2, 1000 + 5)).toBe(4);
    expect(nodeAt(s, p, all(6), new Set(), 2500, 1000)).toBeNull();
  });

  it("ignores hidden nodes and nodes of collapsed groups", () => {
    const visible = all(6);
    visible[4] = 0;
    expect(nodeAt(s, p, visible, new Set(), 5010, 1010)).toBeNull();
    expect(nodeAt(s, p, all(6), new Set([1]), 5010, 1010)).toBeNull();
    expect(nodeAt(s, p, all(6), new Set([1]), 10, 1010)).toBe(1);
  });
});
