import { LAYOUT } from "./layout-constants";

// Level of detail for the lineage canvas: when a node's name is drawn, at what
// size, how it is shortened, and which zoom the default view opens at. Pure,
// so the decisions are unit-tested apart from the canvas.

/** Smallest label font, in screen pixels, that is still read without effort. */
export const MIN_LABEL_PX = 10;
const MAX_LABEL_PX = 13;
/** The label's font as a share of the node box's on-screen height. */
const FONT_SHARE = 0.6;
/** Space taken by the health strip and padding inside a node box, in world units. */
export const LABEL_INSET = 12;
/** Graphs up to this many visible assets open at a zoom where every name reads. */
export const LEGIBLE_FIT_MAX_NODES = 200;
/** Zoomed out past this, nodes are solid blocks and edges straight lines. */
export const COARSE_BELOW = 0.25;
/** Group names are drawn (in screen pixels) once a group band is this many pixels wide. */
const GROUP_LABEL_MIN_PX = 40;

/** The label font size at this zoom, or 0 when labels are not drawn (too small to read). */
export function labelFontPx(scale: number): number {
  const px = Math.min(MAX_LABEL_PX, Math.floor(LAYOUT.nodeH * scale * FONT_SHARE));
  return px >= MIN_LABEL_PX ? px : 0;
}

/** The smallest zoom at which labels are drawn. */
export const LEGIBLE_ZOOM = Math.ceil((MIN_LABEL_PX / (LAYOUT.nodeH * FONT_SHARE)) * 100) / 100;

/** Whether a group's name is drawn, given its band's on-screen width. */
export const drawGroupLabel = (bandWorldWidth: number, scale: number) =>
  bandWorldWidth * scale >= GROUP_LABEL_MIN_PX;

/**
 * `text` shortened with an ellipsis to fit `maxPx` by `measure` (binary search
 * over the length, so a long key costs a handful of measurements).
 */
export function ellipsize(text: string, maxPx: number, measure: (s: string) => number): string {
  if (measure(text) <= maxPx) return text;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "" : `${text.slice(0, lo)}…`;
}

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The default view of `nodes` visible assets within `bounds` on a w×h canvas.
 * The whole graph when it fits at a readable zoom; a small graph that does not
 * opens at the readable zoom from its top-left corner (names first, pan for the
 * rest); a huge one is fitted whole, showing group bands and their names.
 */
export function defaultTransform(bounds: Bounds, nodes: number, w: number, h: number) {
  const margin = 40;
  const bw = bounds.x1 - bounds.x0;
  const bh = bounds.y1 - bounds.y0;
  const fit = Math.min(
    1.5,
    Math.max(0.005, Math.min(w / (bw + 2 * margin), h / (bh + 2 * margin))),
  );
  if (fit >= LEGIBLE_ZOOM || nodes > LEGIBLE_FIT_MAX_NODES) {
    return {
      scale: fit,
      tx: (w - bw * fit) / 2 - bounds.x0 * fit,
      ty: (h - bh * fit) / 2 - bounds.y0 * fit,
    };
  }
  const scale = LEGIBLE_ZOOM;
  // Centre an axis that fits; otherwise start at its top or left edge.
  const along = (size: number, lo: number, screen: number) =>
    size * scale + 2 * margin <= screen
      ? (screen - size * scale) / 2 - lo * scale
      : margin - lo * scale;
  return { scale, tx: along(bw, bounds.x0, w), ty: along(bh, bounds.y0, h) };
}

/** The default view of the visible nodes of a laid-out graph; null when none is visible. */
export function fitVisible(
  pos: { x: readonly number[]; y: readonly number[] },
  visible: Uint8Array,
  w: number,
  h: number,
) {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  let nodes = 0;
  for (let i = 0; i < visible.length; i++) {
    if (!visible[i]) continue;
    nodes++;
    b.x0 = Math.min(b.x0, pos.x[i] as number);
    b.y0 = Math.min(b.y0, pos.y[i] as number);
    b.x1 = Math.max(b.x1, (pos.x[i] as number) + LAYOUT.nodeW);
    b.y1 = Math.max(b.y1, (pos.y[i] as number) + LAYOUT.nodeH);
  }
  return nodes ? defaultTransform(b, nodes, w, h) : null;
}
