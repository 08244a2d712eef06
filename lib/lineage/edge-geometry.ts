// The lineage canvas's edge curves, cut to the screen before they are stroked.
// Pure and browser-safe, unit-tested apart from the canvas.
//
// Why: an edge between two far-apart assets is a curve tens of thousands of
// pixels long. Stroked whole, the browser dashes and rasterises all of it each
// frame (most of a close-zoom frame's cost at 25,000 assets, measured), though
// only a screenful can show. An edge curve runs from (x1, y1) to (x2, y2) with
// control points (m, y1) and (m, y2), m the middle x: both coordinates move one
// way only along it (monotone Bernstein coefficients), so the part inside a
// rectangle is one interval of the curve parameter, found by bisection.

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A cubic curve as [x0, y0, x1, y1, x2, y2, x3, y3] (start, two controls, end). */
export type Cubic = Float64Array;

/** Writes the edge curve from (x1, y1) to (x2, y2) into `out` (straight when `straight`). */
export function edgeCubic(
  out: Cubic,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  straight: boolean,
): Cubic {
  const mid = (x1 + x2) / 2;
  out[0] = x1;
  out[1] = y1;
  // A straight edge as a cubic with controls at its thirds: same parameterisation code.
  out[2] = straight ? x1 + (x2 - x1) / 3 : mid;
  out[3] = straight ? y1 + (y2 - y1) / 3 : y1;
  out[4] = straight ? x1 + (2 * (x2 - x1)) / 3 : mid;
  out[5] = straight ? y1 + (2 * (y2 - y1)) / 3 : y2;
  out[6] = x2;
  out[7] = y2;
  return out;
}

/** Coordinate `axis` (0 x, 1 y) of the curve at parameter t. */
function at(c: Cubic, axis: 0 | 1, t: number): number {
  const u = 1 - t;
  return (
    u * u * u * (c[axis] as number) +
    3 * u * u * t * (c[2 + axis] as number) +
    3 * u * t * t * (c[4 + axis] as number) +
    t * t * t * (c[6 + axis] as number)
  );
}

const STEPS = 30;

/** The parameter where a monotone coordinate crosses `v` (v between its ends). */
function solve(c: Cubic, axis: 0 | 1, v: number): number {
  const rising = (c[6 + axis] as number) >= (c[axis] as number);
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < STEPS; k++) {
    const mid = (lo + hi) / 2;
    if (at(c, axis, mid) < v === rising) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The parameter interval of `axis` inside [lo, hi]: writes t0 and t1 to span; false when none. */
function axisSpan(c: Cubic, axis: 0 | 1, lo: number, hi: number, span: number[]): boolean {
  const a = c[axis] as number;
  const b = c[6 + axis] as number;
  if (Math.max(a, b) < lo || Math.min(a, b) > hi) return false;
  const first = a <= b ? lo : hi;
  const last = a <= b ? hi : lo;
  span[0] = (a <= b ? a >= lo : a <= hi) ? 0 : solve(c, axis, first);
  span[1] = (a <= b ? b <= hi : b >= lo) ? 1 : solve(c, axis, last);
  return true;
}

const xs = [0, 1];
const ys = [0, 1];

/**
 * The parameter interval [t0, t1] of an edge curve inside `r`, written to
 * `span`; false when the curve misses `r`. Only for curves made by edgeCubic.
 */
export function clipSpan(c: Cubic, r: Rect, span: number[]): boolean {
  if (!axisSpan(c, 0, r.x0, r.x1, xs) || !axisSpan(c, 1, r.y0, r.y1, ys)) return false;
  span[0] = Math.max(xs[0] as number, ys[0] as number);
  span[1] = Math.min(xs[1] as number, ys[1] as number);
  return span[0] < span[1];
}

const q = [0, 0, 0, 0];

/** Splits the 1-D cubic in `q` at t (de Casteljau), keeping the part before t or after it. */
function split(t: number, before: boolean) {
  const [p0, p1, p2, p3] = q as [number, number, number, number];
  const a = p0 + (p1 - p0) * t;
  const b = p1 + (p2 - p1) * t;
  const d = p2 + (p3 - p2) * t;
  const ab = a + (b - a) * t;
  const bd = b + (d - b) * t;
  const at = ab + (bd - ab) * t;
  q[0] = before ? p0 : at;
  q[1] = before ? a : bd;
  q[2] = before ? ab : d;
  q[3] = before ? at : p3;
}

/** The part of `c` from t0 to t1, as a cubic written to `out`. */
export function subCubic(c: Cubic, t0: number, t1: number, out: Cubic): Cubic {
  for (let axis = 0; axis < 2; axis++) {
    for (let k = 0; k < 4; k++) q[k] = c[2 * k + axis] as number;
    if (t1 < 1) split(t1, true);
    // What is left runs over [0, t1] of the original: t0 is t0 / t1 along it.
    if (t0 > 0 && t1 > 0) split(t0 / t1, false);
    for (let k = 0; k < 4; k++) out[2 * k + axis] = q[k] as number;
  }
  return out;
}

// Gauss-Legendre nodes and weights on [-1, 1], 8 points (exact for degree 15).
const GL_X = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498,
  0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363,
];
const GL_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362,
  0.3137066458778873, 0.2223810344533745, 0.1012285362903763,
];
/** Pieces of the parameter range integrated separately: the speed of a steep curve varies fast. */
const GL_PIECES = 24;

/**
 * Length of the curve from its start to parameter t. A dashed edge cut at t
 * starts its dash pattern this far in, so its dashes stay put while panning.
 */
export function lengthTo(c: Cubic, t: number): number {
  if (t <= 0) return 0;
  // The derivative is a quadratic with these coefficients (per axis); speed is its length.
  const ax = 3 * ((c[2] as number) - (c[0] as number));
  const bx = 3 * ((c[4] as number) - (c[2] as number));
  const cx = 3 * ((c[6] as number) - (c[4] as number));
  const ay = 3 * ((c[3] as number) - (c[1] as number));
  const by = 3 * ((c[5] as number) - (c[3] as number));
  const cy = 3 * ((c[7] as number) - (c[5] as number));
  const piece = t / GL_PIECES;
  let sum = 0;
  for (let k = 0; k < GL_PIECES; k++) {
    const mid = piece * (k + 0.5);
    for (let g = 0; g < GL_X.length; g++) {
      const s = mid + (piece / 2) * (GL_X[g] as number);
      const u = 1 - s;
      const dx = u * u * ax + 2 * u * s * bx + s * s * cx;
      const dy = u * u * ay + 2 * u * s * by + s * s * cy;
      sum += (GL_W[g] as number) * Math.sqrt(dx * dx + dy * dy);
    }
  }
  return (sum * piece) / 2;
}
