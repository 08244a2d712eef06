import type { GraphPayload } from "@/lib/api/graph-payload";
import { LAYOUT } from "./layout-constants";
import { bucket, buildGridIndex, type GridIndex, itemAt, queryRect } from "./spatial-index";

// What one frame of the lineage canvas has to draw: the group bands, nodes
// and edges that can reach the screen, found through a grid index so a frame
// costs what is on screen (pan and zoom at 25,000 assets stay within a frame).
// Pure and browser-safe; draw-scene.ts turns the result into canvas calls.
//
// An edge is drawn when one of its ends is on screen (or inside an on-screen
// collapsed group): an edge that only passes across the screen between two
// off-screen nodes is left out, as it leads nowhere the viewer can see.

/** Per graph, built once: where nodes are, and which edges touch each node. */
export interface GraphSpatial {
  grid: GridIndex;
  /** Edge numbers (triple e is payload.edges[3e..3e+2]) touching node i: edgeList[edgeStart[i] .. edgeStart[i+1]). */
  edgeStart: Int32Array;
  edgeList: Int32Array;
  /** Nodes of group g: members[memberStart[g] .. memberStart[g+1]). */
  memberStart: Int32Array;
  members: Int32Array;
  /** Scratch for de-duplicating edges within one cull: seen[e] === epoch. */
  seen: Uint32Array;
  epoch: number;
  /** Groups with a visible node, for the `visible` mask it was counted from (one pass per mask, not per frame). */
  groupsShown: { visible: Uint8Array | null; groups: Uint8Array };
}

export interface WorldRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface CulledScene {
  /** Group bands with a visible node that meet the rectangle. */
  bands: number[];
  /** Visible nodes outside collapsed groups whose box meets the rectangle, in index order. */
  nodes: number[];
  /** Edge numbers with both ends visible and one end on screen (see above). */
  edges: number[];
}

export function buildGraphSpatial(p: GraphPayload): GraphSpatial {
  const n = p.x.length;
  const edgeCount = p.edges.length / 3;
  const byNode = bucket(n, edgeCount * 2, (add) => {
    for (let e = 0; e < edgeCount; e++) {
      const a = p.edges[3 * e] as number;
      const b = p.edges[3 * e + 1] as number;
      add(a, e);
      if (b !== a) add(b, e);
    }
  });
  const byGroup = bucket(p.groups.length, n, (add) => {
    for (let i = 0; i < n; i++) add(p.group[i] as number, i);
  });
  return {
    grid: buildGridIndex(p.x, p.y, LAYOUT.nodeW, LAYOUT.nodeH),
    edgeStart: byNode.start,
    edgeList: byNode.list,
    memberStart: byGroup.start,
    members: byGroup.list,
    seen: new Uint32Array(edgeCount),
    epoch: 0,
    groupsShown: { visible: null, groups: new Uint8Array(p.groups.length) },
  };
}

/**
 * Which groups hold a visible node. Counting walks every node, so it is done
 * once per visibility mask (masks are replaced, never changed in place, when
 * filters change), not on every frame of a pan.
 */
function groupsShown(s: GraphSpatial, p: GraphPayload, visible: Uint8Array): Uint8Array {
  const memo = s.groupsShown;
  if (memo.visible !== visible) {
    memo.groups.fill(0);
    for (let i = 0; i < visible.length; i++) if (visible[i]) memo.groups[p.group[i] as number] = 1;
    memo.visible = visible;
  }
  return memo.groups;
}

const meets = (r: WorldRect, x: number, y: number, w: number, h: number) =>
  x + w >= r.x0 && x <= r.x1 && y + h >= r.y0 && y <= r.y1;

export function cullScene(
  s: GraphSpatial,
  p: GraphPayload,
  visible: Uint8Array,
  collapsed: ReadonlySet<number>,
  r: WorldRect,
): CulledScene {
  const groupVisible = groupsShown(s, p, visible);
  const bands: number[] = [];
  p.boxes.forEach(([bx, by, bw, bh], g) => {
    if (groupVisible[g] && meets(r, bx, by, bw, bh)) bands.push(g);
  });

  const nodes: number[] = [];
  queryRect(s.grid, r.x0, r.y0, r.x1, r.y1, (i) => {
    if (visible[i] && !collapsed.has(p.group[i] as number)) nodes.push(i);
  });
  nodes.sort((a, b) => a - b);

  s.epoch = (s.epoch + 1) >>> 0 || 1;
  if (s.epoch === 1) s.seen.fill(0);
  const edges: number[] = [];
  const touch = (i: number) => {
    for (let k = s.edgeStart[i] as number; k < (s.edgeStart[i + 1] as number); k++) {
      const e = s.edgeList[k] as number;
      if (s.seen[e] === s.epoch) continue;
      s.seen[e] = s.epoch;
      if (visible[p.edges[3 * e] as number] && visible[p.edges[3 * e + 1] as number]) edges.push(e);
    }
  };
  for (const i of nodes) touch(i);
  for (const g of bands) {
    if (!collapsed.has(g)) continue;
    for (let k = s.memberStart[g] as number; k < (s.memberStart[g + 1] as number); k++) {
      touch(s.members[k] as number);
    }
  }
  return { bands, nodes, edges };
}

/** The visible, drawn node under a world point, or null (the canvas's click and hover). */
export function nodeAt(
  s: GraphSpatial,
  p: GraphPayload,
  visible: Uint8Array,
  collapsed: ReadonlySet<number>,
  wx: number,
  wy: number,
): number | null {
  return itemAt(s.grid, wx, wy, (i) => !!visible[i] && !collapsed.has(p.group[i] as number));
}
