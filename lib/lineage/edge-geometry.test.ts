import { describe, expect, it } from "vitest";
import { clipSpan, edgeCubic, lengthTo, type Rect, subCubic } from "./edge-geometry";

const cubic = (x1: number, y1: number, x2: number, y2: number, straight = false) =>
  edgeCubic(new Float64Array(8), x1, y1, x2, y2, straight);

/** Point of a cubic at t, from the Bernstein form written out independently. */
function point(c: Float64Array, t: number): [number, number] {
  const b = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3];
  let x = 0;
  let y = 0;
  for (let k = 0; k < 4; k++) {
    x += (b[k] as number) * (c[2 * k] as number);
    y += (b[k] as number) * (c[2 * k + 1] as number);
  }
  return [x, y];
}

/** eps: the cut is found by bisection, to about 1e-9 of the parameter (a 1e-4 px slip on 100,000 px). */
const inside = ([x, y]: [number, number], r: Rect, eps = 1e-3) =>
  x >= r.x0 - eps && x <= r.x1 + eps && y >= r.y0 - eps && y <= r.y1 + eps;

/** Length by summing many chords: slow, obviously right. */
function polylineLength(c: Float64Array, t: number, steps = 200_000): number {
  let len = 0;
  let prev = point(c, 0);
  for (let k = 1; k <= steps; k++) {
    const p = point(c, (t * k) / steps);
    len += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
    prev = p;
  }
  return len;
}

describe("clipSpan", () => {
  const screen: Rect = { x0: 0, y0: 0, x1: 1400, y1: 900 };

  it("keeps a curve inside the rectangle whole", () => {
    const span = [0, 0];
    expect(clipSpan(cubic(100, 100, 600, 500), screen, span)).toBe(true);
    expect(span).toEqual([0, 1]);
  });

  it("misses a curve that stays outside", () => {
    const span = [0, 0];
    expect(clipSpan(cubic(2000, 100, 9000, 500), screen, span)).toBe(false);
    expect(clipSpan(cubic(100, -5000, 600, -100), screen, span)).toBe(false);
  });

  it.each([
    ["leaving right and far down", [700, 450, 40_000, 90_000, false]],
    ["coming from far up-left", [-30_000, -60_000, 700, 450, false]],
    ["backwards (right to left) across", [50_000, 800, -50_000, 100, false]],
    ["straight, crossing diagonally", [-3000, -2000, 5000, 3000, true]],
  ] as const)("keeps exactly the part inside: %s", (_name, [x1, y1, x2, y2, straight]) => {
    const c = cubic(x1, y1, x2, y2, straight);
    const span = [0, 0];
    expect(clipSpan(c, screen, span)).toBe(true);
    const [t0, t1] = span as [number, number];
    // Inside within the span, outside just beyond its cut ends (both axes monotone).
    for (let k = 0; k <= 50; k++)
      expect(inside(point(c, t0 + ((t1 - t0) * k) / 50), screen)).toBe(true);
    if (t0 > 0) expect(inside(point(c, Math.max(0, t0 - 1e-4)), screen, 0)).toBe(false);
    if (t1 < 1) expect(inside(point(c, Math.min(1, t1 + 1e-4)), screen, 0)).toBe(false);
    // And the cut ends lie on the rectangle's border.
    const onBorder = ([x, y]: [number, number]) =>
      Math.min(
        Math.abs(x - screen.x0),
        Math.abs(x - screen.x1),
        Math.abs(y - screen.y0),
        Math.abs(y - screen.y1),
      ) < 1e-3;
    if (t0 > 0) expect(onBorder(point(c, t0))).toBe(true);
    if (t1 < 1) expect(onBorder(point(c, t1))).toBe(true);
  });
});

describe("subCubic", () => {
  it("traces the same points as the original between t0 and t1", () => {
    const c = cubic(0, 0, 30_000, -8000);
    const part = subCubic(c, 0.2, 0.65, new Float64Array(8));
    for (let k = 0; k <= 10; k++) {
      const s = k / 10;
      const [x, y] = point(part, s);
      const [ex, ey] = point(c, 0.2 + 0.45 * s);
      expect(x).toBeCloseTo(ex, 6);
      expect(y).toBeCloseTo(ey, 6);
    }
  });

  it("returns the curve itself for the whole range", () => {
    const c = cubic(5, 6, 70, 80);
    expect([...subCubic(c, 0, 1, new Float64Array(8))]).toEqual([...c]);
  });
});

describe("lengthTo", () => {
  it.each([
    ["gentle", [0, 0, 2000, 300]],
    ["steep and long", [0, 0, 240, 60_000]],
    ["backwards", [9000, 500, -20_000, -4000]],
  ] as const)(
    "matches a fine polyline within a tenth of a pixel (dashes are 4-7 px): %s",
    (_n, [x1, y1, x2, y2]) => {
      const c = cubic(x1, y1, x2, y2);
      for (const t of [0.1, 0.5, 0.93, 1]) {
        expect(Math.abs(lengthTo(c, t) - polylineLength(c, t))).toBeLessThan(0.1);
      }
    },
  );

  it("is zero at the start and the chord for a straight edge", () => {
    const c = cubic(0, 0, 300, 400, true);
    expect(lengthTo(c, 0)).toBe(0);
    expect(lengthTo(c, 1)).toBeCloseTo(500, 6);
  });
});
