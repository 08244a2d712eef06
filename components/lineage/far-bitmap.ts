import type { CulledScene, WorldRect } from "@/lib/lineage/scene-culling";
import type { Scene, ViewTransform } from "./draw-scene";

// The far-zoom picture of the lineage canvas: when no names are drawn, the
// world layer (bands, edges, nodes, rings) of the screen and a margin around it
// is drawn once into an offscreen bitmap, and each frame of a pan or zoom only
// copies it. Zooming stretches it (up to MAX_STRETCH) until the view settles
// and graph-canvas asks for a fresh one at the exact zoom.

export interface FarBitmap {
  canvas: HTMLCanvasElement;
  /** What it shows: a change to any of these (by identity) draws it again. */
  inputs: readonly unknown[];
  scale: number;
  /** The world rectangle the bitmap holds. */
  region: WorldRect;
  /** The graph's extent when drawn: the bitmap covers the view if it covers what of the graph is in view. */
  bounds: WorldRect;
  culled: CulledScene;
}

/** Pixel budget of the bitmap (4 bytes each): 32 MB. */
const MAX_PIXELS = 8_000_000;
/** How far a bitmap is stretched or shrunk while zooming before it is drawn again. */
const MAX_STRETCH = 4;
/** At most one screen of margin on each side. */
const MAX_MARGIN = 1;

const intersect = (a: WorldRect, b: WorldRect): WorldRect => ({
  x0: Math.max(a.x0, b.x0),
  y0: Math.max(a.y0, b.y0),
  x1: Math.min(a.x1, b.x1),
  y1: Math.min(a.y1, b.y1),
});
const empty = (r: WorldRect) => r.x1 <= r.x0 || r.y1 <= r.y0;
const within = (inner: WorldRect, outer: WorldRect) =>
  empty(inner) ||
  (inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1);

function graphBounds(scene: Scene): WorldRect {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [x, y, w, h] of scene.graph.payload.boxes) {
    b.x0 = Math.min(b.x0, x);
    b.y0 = Math.min(b.y0, y);
    b.x1 = Math.max(b.x1, x + w);
    b.y1 = Math.max(b.y1, y + h);
  }
  // Selection and ring outlines reach a little past the bands.
  return { x0: b.x0 - 20, y0: b.y0 - 20, x1: b.x1 + 20, y1: b.y1 + 20 };
}

/**
 * Draws the world layer for `rect` (the screen, in world units) from the
 * bitmap, making it first when missing, out of date or out of range. `paint`
 * draws `region` into the bitmap's context and returns what it culled.
 */
export function drawFromBitmap(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: ViewTransform,
  rect: WorldRect,
  paint: (bctx: CanvasRenderingContext2D, region: WorldRect) => CulledScene,
): { culled: CulledScene; stale: boolean } {
  const { scale, tx, ty, w, h, dpr } = view;
  const inputs = [
    scene.graph,
    scene.visible,
    scene.collapsed,
    scene.highlights,
    scene.down,
    scene.dark,
    dpr,
  ];
  let bmp = scene.bitmap.current;
  const usable =
    bmp?.inputs.every((v, i) => v === inputs[i]) &&
    scale <= bmp.scale * MAX_STRETCH &&
    scale >= bmp.scale / MAX_STRETCH &&
    within(intersect(rect, bmp.bounds), bmp.region);
  if (!usable || !bmp) {
    const bounds = graphBounds(scene);
    const budget = MAX_PIXELS / Math.max(1, w * h * dpr * dpr);
    const m = Math.min(MAX_MARGIN, Math.max(0, (Math.sqrt(budget) - 1) / 2));
    const mw = (rect.x1 - rect.x0) * m;
    const mh = (rect.y1 - rect.y0) * m;
    let region = intersect(
      { x0: rect.x0 - mw, y0: rect.y0 - mh, x1: rect.x1 + mw, y1: rect.y1 + mh },
      bounds,
    );
    if (empty(region)) region = { ...rect };
    // Start on a device pixel of the screen, so a pan by whole pixels copies it unblurred.
    const px0 = Math.floor((region.x0 * scale + tx) * dpr);
    const py0 = Math.floor((region.y0 * scale + ty) * dpr);
    region.x0 = (px0 / dpr - tx) / scale;
    region.y0 = (py0 / dpr - ty) / scale;
    const canvas = bmp?.canvas ?? document.createElement("canvas");
    canvas.width = Math.max(1, Math.ceil((region.x1 - region.x0) * scale * dpr));
    canvas.height = Math.max(1, Math.ceil((region.y1 - region.y0) * scale * dpr));
    region.x1 = region.x0 + canvas.width / dpr / scale;
    region.y1 = region.y0 + canvas.height / dpr / scale;
    const bctx = canvas.getContext("2d");
    if (!bctx) return { culled: paint(ctx, rect), stale: false };
    bctx.setTransform(dpr * scale, 0, 0, dpr * scale, -px0, -py0);
    const culled = paint(bctx, region);
    bmp = { canvas, inputs, scale, region, bounds, culled };
    scene.bitmap.current = bmp;
  }
  const r = bmp.region;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bmp.canvas, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
  return { culled: bmp.culled, stale: bmp.scale !== scale };
}
