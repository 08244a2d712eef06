import { formatKey } from "@/lib/format";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { type LabelCache, labelFitter } from "@/lib/lineage/label-fit";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import { drawGroupLabel, ellipsize, labelFontPx } from "@/lib/lineage/layout-labels";
import type { ViewTransform } from "./draw-scene";
import { DOWN_STYLE, HEALTH_STYLE, healthStyle } from "./graph-palette";

// Names on the lineage canvas, drawn in screen pixels so they keep a readable
// size whatever the zoom. Only nodes draw-scene found on screen and big enough
// (layout-labels decides) get here, so the cost follows the screen, not the graph.

export interface OnScreenLabel {
  node: number;
  /** The text drawn: the key, shortened with an ellipsis when it does not fit. */
  text: string;
  fontPx: number;
}

/** How many drawn names the page lists for assistive technology and tests. */
export const LISTED_LABELS_MAX = 200;

const FONT = "system-ui, sans-serif";
/**
 * Names too long for their box are fitted to its width rounded down to this
 * many pixels, so their shortened forms outlive the small zoom steps of a wheel
 * or pinch (refitting on every zoom frame measured text hundreds of times).
 */
const WIDTH_STEP_PX = 8;

export function drawGroupNames(
  ctx: CanvasRenderingContext2D,
  graph: DecodedGraph,
  bands: readonly number[],
  { scale, tx, ty, dpr }: ViewTransform,
  dark: boolean,
) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = "alphabetic";
  ctx.fillStyle = dark ? "#94a3b8" : "#475569";
  for (const gi of bands) {
    const [bx, by, bw] = graph.payload.boxes[gi] as [number, number, number, number];
    if (!drawGroupLabel(bw, scale)) continue;
    const name = ellipsize(graph.groupName[gi] ?? "", bw * scale, (s) => ctx.measureText(s).width);
    ctx.fillText(name, bx * scale + tx, by * scale + ty - 4);
  }
}

export function drawNodeLabels(
  ctx: CanvasRenderingContext2D,
  graph: DecodedGraph,
  nodes: readonly number[],
  down: ReadonlySet<number>,
  { scale, tx, ty, dpr }: ViewTransform,
  dark: boolean,
  cache: LabelCache,
): { listed: OnScreenLabel[]; total: number } {
  const fontPx = labelFontPx(scale);
  const listed: OnScreenLabel[] = [];
  if (!fontPx || nodes.length === 0) return { listed, total: 0 };
  const p = graph.payload;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `${fontPx}px ${FONT}`;
  ctx.textBaseline = "middle";
  const boxPx = LAYOUT.nodeW * scale;
  const fitPx = Math.floor(boxPx / WIDTH_STEP_PX) * WIDTH_STEP_PX;
  const strip = 6 * scale;
  const { width, fitName } = labelFitter(cache, ctx.font, fitPx, (s) => ctx.measureText(s).width);
  const glyphW = width("✕");
  const markerW = width(DOWN_STYLE.marker) + 4;
  const textLeft = strip + 4 + glyphW + 4;
  const texts: string[] = [];
  for (const i of nodes) {
    const isDown = down.has(i);
    const maxPx = fitPx - textLeft - 4 - (isDown ? markerW : 0);
    const name = formatKey(p.keys[i] as string[]);
    const text = fitName(name, maxPx, isDown);
    texts.push(text);
    if (listed.length < LISTED_LABELS_MAX) listed.push({ node: i, text, fontPx });
  }
  // Grouped by colour: a handful of style changes per frame instead of two per name.
  const x = (i: number) => (p.x[i] as number) * scale + tx;
  const y = (i: number) => ((p.y[i] as number) + LAYOUT.nodeH / 2) * scale + ty;
  for (const style of Object.values(HEALTH_STYLE)) {
    ctx.fillStyle = style.color;
    for (const i of nodes) {
      if (healthStyle(p.health[i]) === style) ctx.fillText(style.glyph, x(i) + strip + 4, y(i));
    }
  }
  ctx.fillStyle = dark ? "#e2e8f0" : "#0f172a";
  nodes.forEach((i, k) => {
    ctx.fillText(texts[k] as string, x(i) + textLeft, y(i));
  });
  if (down.size) {
    ctx.fillStyle = DOWN_STYLE.hatch;
    for (const i of nodes) {
      if (down.has(i)) ctx.fillText(DOWN_STYLE.marker, x(i) + boxPx - markerW, y(i));
    }
  }
  return { listed, total: nodes.length };
}
