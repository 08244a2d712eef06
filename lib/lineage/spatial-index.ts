// A uniform grid over equal-sized boxes (the lineage canvas's nodes), so that
// "what is on screen" and "what is under the pointer" cost what the screen
// holds, not what the graph holds. Pure: no DOM, unit-tested.
//
// Each box is filed once, in the cell holding its top-left corner; a query
// widens its rectangle by one box towards the top-left so boxes that reach in
// from a neighbouring cell are still found, and nothing is visited twice.

export interface GridIndex {
  /** Box size shared by every item, in world units. */
  boxW: number;
  boxH: number;
  cell: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** Items of cell c are items[start[c] .. start[c + 1]). */
  start: Int32Array;
  items: Int32Array;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/** Cells hold a few dozen nodes of the lineage layout (columns 240 apart, rows 34). */
export const DEFAULT_CELL = 512;

export function buildGridIndex(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  boxW: number,
  boxH: number,
  cell = DEFAULT_CELL,
): GridIndex {
  const n = xs.length;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, xs[i] as number);
    y0 = Math.min(y0, ys[i] as number);
    x1 = Math.max(x1, xs[i] as number);
    y1 = Math.max(y1, ys[i] as number);
  }
  if (!n) x0 = y0 = x1 = y1 = 0;
  const cols = Math.floor((x1 - x0) / cell) + 1;
  const rows = Math.floor((y1 - y0) / cell) + 1;
  const cellOf = (i: number) =>
    Math.floor(((ys[i] as number) - y0) / cell) * cols +
    Math.floor(((xs[i] as number) - x0) / cell);
  const { start, list: items } = bucket(cols * rows, n, (add) => {
    for (let i = 0; i < n; i++) add(cellOf(i), i);
  });
  return { boxW, boxH, cell, x0, y0, cols, rows, start, items, xs, ys };
}

/**
 * Values grouped by a small integer key, as compressed lists: the values of key
 * k are list[start[k] .. start[k + 1]). `each` is called twice (count, then
 * fill) and must add the same pairs both times; `count` bounds their number.
 */
export function bucket(
  keys: number,
  count: number,
  each: (add: (key: number, value: number) => void) => void,
): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(keys + 1);
  each((k) => {
    start[k + 1] = (start[k + 1] as number) + 1;
  });
  for (let k = 0; k < keys; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, keys);
  const list = new Int32Array(count);
  each((k, v) => {
    list[fill[k] as number] = v;
    fill[k] = (fill[k] as number) + 1;
  });
  return { start, list };
}

/** Calls `visit` once for every item whose box meets the rectangle (edges included). */
export function queryRect(
  g: GridIndex,
  qx0: number,
  qy0: number,
  qx1: number,
  qy1: number,
  visit: (item: number) => void,
): void {
  if (qx1 < qx0 || qy1 < qy0 || !g.items.length) return;
  const c0 = Math.max(0, Math.floor((qx0 - g.boxW - g.x0) / g.cell));
  const c1 = Math.min(g.cols - 1, Math.floor((qx1 - g.x0) / g.cell));
  const r0 = Math.max(0, Math.floor((qy0 - g.boxH - g.y0) / g.cell));
  const r1 = Math.min(g.rows - 1, Math.floor((qy1 - g.y0) / g.cell));
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cell = r * g.cols + c;
      for (let k = g.start[cell] as number; k < (g.start[cell + 1] as number); k++) {
        const i = g.items[k] as number;
        const x = g.xs[i] as number;
        const y = g.ys[i] as number;
        if (x <= qx1 && x + g.boxW >= qx0 && y <= qy1 && y + g.boxH >= qy0) visit(i);
      }
    }
  }
}

/**
 * The item whose box holds the point, among those `accept` lets through; when
 * boxes overlap, the lowest index wins (the order a full scan would find).
 */
export function itemAt(
  g: GridIndex,
  px: number,
  py: number,
  accept: (item: number) => boolean = () => true,
): number | null {
  let best: number | null = null;
  queryRect(g, px, py, px, py, (i) => {
    if ((best === null || i < best) && accept(i)) best = i;
  });
  return best;
}
