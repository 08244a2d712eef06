import { describe, expect, it } from "vitest";
import { LAYOUT, layers, layoutGraph } from "./layout";

function adjacency(n: number, edges: [number, number][]) {
  const up: number[][] = Array.from({ length: n }, () => []);
  const down: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    down[a]?.push(b);
    up[b]?.push(a);
  }
  return { up, down };
}

describe("layers", () => {
  it("puts every node after all of its parents (longest path)", () => {
    const { up, down } = adjacency(5, [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 2],
      [2, 4],
    ]);
    expect([...layers(up, down)]).toEqual([0, 1, 2, 0, 3]);
  });

  it("terminates on cycles and still orders what follows them", () => {
    const { up, down } = adjacency(4, [
      [0, 1],
      [1, 2],
      [2, 1],
      [2, 3],
    ]);
    const l = layers(up, down);
    expect(l[3]).toBeGreaterThan(l[2] as number);
  });
});

describe("layoutGraph", () => {
  it("draws edges left to right, gives each group its own band, and never overlaps nodes", () => {
    const { up, down } = adjacency(6, [
      [0, 1],
      [1, 2],
      [0, 3],
      [3, 4],
      [4, 5],
    ]);
    const group = [0, 0, 1, 1, 1, 0];
    const out = layoutGraph({ group, groupCount: 2, upstream: up, downstream: down });
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [3, 4],
    ] as const) {
      expect(out.x[b] as number).toBeGreaterThan(out.x[a] as number);
    }
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const key = `${out.x[i]},${out.y[i]}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const [bx, by, bw, bh] = out.boxes[group[i] as number] as number[];
      expect(out.x[i]).toBeGreaterThanOrEqual(bx as number);
      expect((out.x[i] as number) + LAYOUT.nodeW).toBeLessThanOrEqual(
        (bx as number) + (bw as number),
      );
      expect(out.y[i]).toBeGreaterThanOrEqual(by as number);
      expect((out.y[i] as number) + LAYOUT.nodeH).toBeLessThanOrEqual(
        (by as number) + (bh as number),
      );
    }
    const [, y0, , h0] = out.boxes[0] as number[];
    const [, y1] = out.boxes[1] as number[];
    expect(y1).toBeGreaterThanOrEqual((y0 as number) + (h0 as number));
  });

  it("lays out 25,000 nodes", () => {
    const n = 25_000;
    const edges: [number, number][] = [];
    for (let i = 1; i < n; i++) edges.push([Math.floor(i / 3), i]);
    const { up, down } = adjacency(n, edges);
    const out = layoutGraph({
      group: Array.from({ length: n }, (_, i) => i % 96),
      groupCount: 96,
      upstream: up,
      downstream: down,
    });
    expect(out.x).toHaveLength(n);
    expect(out.height).toBeGreaterThan(0);
  });
});
