// A least-squares line through (time, value) points, and when it reaches a
// level. Enough for capacity planning ("at this rate the storage is full on
// …"): the issue asks for a linear fit, and a fit over a range's daily totals
// is what a reader can check by eye on the trend chart.

export interface Point {
  at: number;
  value: number;
}

export interface LinearFit {
  /** Change of value per millisecond. */
  slope: number;
  /** The fitted value at time 0. */
  intercept: number;
  points: number;
}

/** Ordinary least squares; null for fewer than two points or a single time. */
export function linearFit(points: readonly Point[]): LinearFit | null {
  const n = points.length;
  if (n < 2) return null;
  // Centre the times: epoch ms squared loses precision in doubles.
  const t0 = points[0]?.at ?? 0;
  let st = 0;
  let sv = 0;
  for (const p of points) {
    st += p.at - t0;
    sv += p.value;
  }
  const mt = st / n;
  const mv = sv / n;
  let cov = 0;
  let varT = 0;
  for (const p of points) {
    const dt = p.at - t0 - mt;
    cov += dt * (p.value - mv);
    varT += dt * dt;
  }
  if (varT === 0) return null;
  const slope = cov / varT;
  return { slope, intercept: mv - slope * (mt + t0), points: n };
}

export type Forecast =
  | { kind: "reached"; at: number }
  | { kind: "reaches"; at: number }
  | { kind: "never" }
  | { kind: "unknown" };

/**
 * When the fitted line reaches `level`: "reached" when the latest value already
 * has (at the latest point's time), "reaches" at a future time when the line
 * grows, "never" when it is flat or shrinking, "unknown" without a fit.
 */
export function forecastReach(points: readonly Point[], level: number): Forecast {
  const last = points.at(-1);
  if (last && last.value >= level) return { kind: "reached", at: last.at };
  const fit = linearFit(points);
  if (!fit) return { kind: "unknown" };
  if (fit.slope <= 0) return { kind: "never" };
  const at = (level - fit.intercept) / fit.slope;
  // A rising line already past the level at the last point (while the last
  // value is not): the data says "about now".
  return { kind: "reaches", at: Math.max(at, last?.at ?? at) };
}
