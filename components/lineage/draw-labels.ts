import { formatKey } from "@/lib/format";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import { drawGroupLabel, ellipsize, labelFontPx } from "@/lib/lineage/layout-labels";
import type { ViewTransform } from "./draw-scene";
import { DOWN_STYLE, healthStyle } from "./graph-palette";

// Names on the lineage canvas, drawn in screen pixels so they keep a readable
// size whatever the zoom. Only nodes draw-scene found on screen and big enough
// (layout-labels decides) get here, so the cost follows the screen, not the graph.

export interface OnScreenLabel {
  node: number;
  /** The text drawn: the key, shortened with an ellipsis when it does not fit. */
  text: string;
  fontPx: number;
}

/** Shortened names for one zoom level: panning reuses them, zooming starts over. */
export interface LabelCache {
  key: string;
  texts: Map<number, string>;
}

/** How many drawn names the page lists for assistive technology and tests. */
export const LISTED_LABELS_MAX = 200;

const FONT = "system-ui, sans-serif";
/**
 * Shortened names are fitted to the box's width rounded down to this many
 * pixels, so the cache outlives the small zoom steps of a wheel or pinch
 * (refitting every name on every zoom frame measured text hundreds of times).
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
  const glyphW = ctx.measureText("✕").width;
  const markerW = ctx.measureText(DOWN_STYLE.marker).width + 4;
  const textLeft = strip + 4 + glyphW + 4;
  const cacheKey = `${fontPx}|${fitPx}`;
  if (cache.key !== cacheKey) {
    cache.key = cacheKey;
    cache.texts.clear();
  }
  const measure = (s: string) => ctx.measureText(s).width;
  for (const i of nodes) {
    const sx = (p.x[i] as number) * scale + tx;
    const cy = ((p.y[i] as number) + LAYOUT.nodeH / 2) * scale + ty;
    const isDown = down.has(i);
    const maxPx = fitPx - textLeft - 4 - (isDown ? markerW : 0);
    // Down nodes have less room (the marker); they are cached under a negative index.
    const slot = isDown ? -1 - i : i;
    let text = cache.texts.get(slot);
    if (text === undefined) {
      text = ellipsize(formatKey(p.keys[i] as string[]), maxPx, measure);
      cache.texts.set(slot, text);
    }
    const health = healthStyle(p.health[i]);
    ctx.fillStyle = health.color;
    ctx.fillText(health.glyph, sx + strip + 4, cy);
    ctx.fillStyle = dark ? "#e2e8f0" : "#0f172a";
    ctx.fillText(text, sx + textLeft, cy);
    if (isDown) {
      ctx.fillStyle = DOWN_STYLE.hatch;
      ctx.fillText(DOWN_STYLE.marker, sx + boxPx - markerW, cy);
    }
    if (listed.length < LISTED_LABELS_MAX) listed.push({ node: i, text, fontPx });
  }
  return { listed, total: nodes.length };
}
