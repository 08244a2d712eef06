import { describe, expect, it } from "vitest";
import { buildGridIndex, itemAt, queryRect } from "./spatial-index";

const W = 190;
const H = 24;

/** A seeded pseudo-random stream, so a failure reproduces. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const collect = (g: ReturnType<typeof buildGridIndex>, r: [number, number, number, number]) => {
  const out: number[] = [];
  queryRect(g, ...r, (i) => out.push(i));
  return out.sort((a, b) => a - b);
};

describe("queryRect", () => {
  it("finds a box that reaches into the rectangle from a neighbouring cell", () => {
    // The box's corner is in cell (0, 0); the rectangle lies wholly in cell (1, 1).
    const g = buildGridIndex([500], [500], W, H, 512);
    expect(collect(g, [600, 515, 700, 600])).toEqual([0]);
    expect(collect(g, [691, 515, 700, 600])).toEqual([]);
  });

  it("counts touching edges as meeting", () => {
    const g = buildGridIndex([0], [0], W, H, 64);
    expect(collect(g, [W, H, W + 10, H + 10])).toEqual([0]);
    expect(collect(g, [-10, -10, 0, 0])).toEqual([0]);
    expect(collect(g, [W + 0.01, 0, W + 10, 10])).toEqual([]);
  });

  it("visits each box once, with negative coordinates and a rectangle larger than the grid", () => {
    const g = buildGridIndex([-1000, -400, 0, 2000], [-50, 300, 0, 900], W, H, 128);
    expect(collect(g, [-1e6, -1e6, 1e6, 1e6])).toEqual([0, 1, 2, 3]);
  });

  it("answers nothing for an empty graph or an inverted rectangle", () => {
    expect(collect(buildGridIndex([], [], W, H), [0, 0, 100, 100])).toEqual([]);
    expect(collect(buildGridIndex([0], [0], W, H), [100, 100, 0, 0])).toEqual([]);
  });

  it("agrees with a scan of every box on random layouts and rectangles", () => {
    const rand = rng(17);
    for (let round = 0; round < 20; round++) {
      const n = 1 + Math.floor(rand() * 400);
      const xs = Array.from({ length: n }, () => Math.round(rand() * 8000 - 2000));
      const ys = Array.from({ length: n }, () => Math.round(rand() * 6000 - 1000));
      const g = buildGridIndex(xs, ys, W, H, [64, 256, 512, 2048][round % 4]);
      for (let q = 0; q < 30; q++) {
        const x0 = rand() * 9000 - 2500;
        const y0 = rand() * 7000 - 1500;
        const r: [number, number, number, number] = [
          x0,
          y0,
          x0 + rand() * 3000,
          y0 + rand() * 2000,
        ];
        const scan = xs
          .map((_x, i) => i)
          .filter((i) => {
            const x = xs[i] as number;
            const y = ys[i] as number;
            return x <= r[2] && x + W >= r[0] && y <= r[3] && y + H >= r[1];
          });
        expect(collect(g, r)).toEqual(scan);
      }
    }
  });
});

describe("itemAt", () => {
  const g = buildGridIndex([0, 240, 240, 100], [0, 0, 34, 10], W, H, 256);

  it("finds the box under the point", () => {
    expect(itemAt(g, 250, 40)).toBe(2);
    expect(itemAt(g, 10, 5)).toBe(0);
  });

  it("answers null between boxes", () => {
    expect(itemAt(g, 230, 40)).toBeNull();
  });

  it("prefers the lowest index where boxes overlap, and skips what accept refuses", () => {
    // (150, 12) lies in box 0 (0..190) and box 3 (100..290, 10..34).
    expect(itemAt(g, 150, 12)).toBe(0);
    expect(itemAt(g, 150, 12, (i) => i !== 0)).toBe(3);
    expect(itemAt(g, 150, 12, () => false)).toBeNull();
  });
});
