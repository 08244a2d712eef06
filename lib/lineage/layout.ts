// Server-side layout of the joined lineage graph. Pure and linear-ish (sorting
// aside), so 25k assets lay out in well under a second, once per topology.
// Edges run left to right by layer (longest path from a source); each asset
// group is a horizontal band, bands stacked by deployment, location and group.

import { LAYOUT } from "./layout-constants";

export { LAYOUT };

export interface LayoutInput {
  /** Group index of each node (bands are ordered by group index). */
  group: readonly number[];
  groupCount: number;
  upstream: readonly (readonly number[])[];
  downstream: readonly (readonly number[])[];
}

export interface GraphLayout {
  x: Int32Array;
  y: Int32Array;
  /** Per group: [x, y, width, height]; zero size for an empty group. */
  boxes: [number, number, number, number][];
  width: number;
  height: number;
}

/** Longest-path layers; nodes left in cycles are placed after their placed parents. */
export function layers(
  upstream: readonly (readonly number[])[],
  downstream: readonly (readonly number[])[],
): Int32Array {
  const n = upstream.length;
  const layer = new Int32Array(n);
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = (upstream[i] ?? []).length;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  const done = new Uint8Array(n);
  let head = 0;
  const drain = () => {
    while (head < queue.length) {
      const v = queue[head++] as number;
      done[v] = 1;
      for (const w of downstream[v] ?? []) {
        if (done[w]) continue;
        layer[w] = Math.max(layer[w] as number, (layer[v] as number) + 1);
        indegree[w] = (indegree[w] as number) - 1;
        if (indegree[w] === 0) queue.push(w);
      }
    }
  };
  drain();
  // Whatever remains sits on a cycle (or below one): release one node at a time.
  for (let i = 0; i < n; i++) {
    if (!done[i] && indegree[i] !== 0) {
      indegree[i] = 0;
      queue.push(i);
      drain();
    }
  }
  return layer;
}

export function layoutGraph(input: LayoutInput): GraphLayout {
  const n = input.group.length;
  const layer = layers(input.upstream, input.downstream);
  const x = new Int32Array(n);
  const y = new Int32Array(n);

  // Bucket nodes by group, then by layer.
  const byGroup: number[][] = Array.from({ length: input.groupCount }, () => []);
  for (let i = 0; i < n; i++) byGroup[input.group[i] as number]?.push(i);

  const boxes: [number, number, number, number][] = [];
  let top = 0;
  let width = 0;
  for (const members of byGroup) {
    if (members.length === 0) {
      boxes.push([0, top, 0, 0]);
      continue;
    }
    const byLayer = new Map<number, number[]>();
    let minLayer = Number.POSITIVE_INFINITY;
    let maxLayer = 0;
    for (const v of members) {
      const l = layer[v] as number;
      minLayer = Math.min(minLayer, l);
      maxLayer = Math.max(maxLayer, l);
      const list = byLayer.get(l);
      if (list) list.push(v);
      else byLayer.set(l, [v]);
    }
    let rows = 0;
    for (const l of [...byLayer.keys()].sort((a, b) => a - b)) {
      const list = byLayer.get(l) as number[];
      // One barycenter pass: order by the mean height of already placed parents.
      const score = (v: number) => {
        const ups = (input.upstream[v] ?? []).filter((u) => (layer[u] as number) < l);
        return ups.length
          ? ups.reduce((s, u) => s + (y[u] as number), 0) / ups.length
          : Number.POSITIVE_INFINITY;
      };
      const scored = list
        .map((v) => [score(v), v] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      scored.forEach(([, v], i) => {
        x[v] = l * LAYOUT.col;
        y[v] = top + LAYOUT.pad + i * LAYOUT.row;
      });
      rows = Math.max(rows, list.length);
    }
    const h = rows * LAYOUT.row + 2 * LAYOUT.pad;
    const bx = minLayer * LAYOUT.col - LAYOUT.pad;
    const bw = (maxLayer - minLayer) * LAYOUT.col + LAYOUT.nodeW + 2 * LAYOUT.pad;
    boxes.push([bx, top, bw, h]);
    width = Math.max(width, bx + bw);
    top += h + LAYOUT.bandGap;
  }
  return { x, y, boxes, width, height: Math.max(0, top - LAYOUT.bandGap) };
}
