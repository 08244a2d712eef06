import type { DecodedGraph } from "@/lib/lineage/graph-view";
import type { LabelCache } from "@/lib/lineage/label-fit";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import { COARSE_BELOW, labelFontPx } from "@/lib/lineage/layout-labels";
import {
  type CulledScene,
  cullScene,
  type GraphSpatial,
  type WorldRect,
} from "@/lib/lineage/scene-culling";
import { drawEdges } from "./draw-edges";
import { drawGroupNames, drawNodeLabels } from "./draw-labels";
import { drawFromBitmap, type FarBitmap } from "./far-bitmap";
import type { CanvasHighlights } from "./graph-canvas";
import { healthStyle, RING_STYLE, SELECTED_COLOR } from "./graph-palette";

// One frame of the lineage canvas, drawn in world space: group bands, edges
// (by kind), nodes and the selection; then names in screen space (draw-labels).
// Only what scene-culling finds on screen is drawn; without names (far zoom)
// the world layer comes from a cached bitmap (far-bitmap). Plain canvas calls,
// no React; graph-canvas.tsx owns sizing, the view transform and input.

export interface Scene {
  graph: DecodedGraph;
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  highlights: CanvasHighlights;
  /** Nodes whose code location is down (shown with their last known state). */
  down: ReadonlySet<number>;
  dark: boolean;
  labelCache: LabelCache;
  /** The graph's spatial index (scene-culling), built once per graph. */
  spatial: GraphSpatial;
  /** The far-zoom bitmap, kept between frames by the canvas. */
  bitmap: { current: FarBitmap | null };
}

export interface ViewTransform {
  scale: number;
  tx: number;
  ty: number;
  w: number;
  h: number;
  dpr: number;
}

let hatch: { ctx: CanvasRenderingContext2D; pattern: CanvasPattern | null } | null = null;
/** Diagonal hatching for "location down" nodes, made once per canvas. */
function hatchPattern(ctx: CanvasRenderingContext2D) {
  if (hatch?.ctx !== ctx) {
    const tile = document.createElement("canvas");
    tile.width = 8;
    tile.height = 8;
    const t = tile.getContext("2d");
    if (t) {
      t.strokeStyle = "rgba(100,116,139,0.55)";
      t.lineWidth = 2;
      t.beginPath();
      t.moveTo(0, 8);
      t.lineTo(8, 0);
      t.stroke();
    }
    hatch = { ctx, pattern: ctx.createPattern(tile, "repeat") };
  }
  return hatch.pattern;
}

/** Draws the frame; returns the names drawn on screen, for the page's accessible list. */
export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, view: ViewTransform) {
  const { graph, visible, collapsed, dark } = scene;
  const { scale, tx, ty, w, h } = view;
  const rect: WorldRect = { x0: -tx / scale, y0: -ty / scale, x1: 0, y1: 0 };
  rect.x1 = rect.x0 + w / scale;
  rect.y1 = rect.y0 + h / scale;
  const fontPx = labelFontPx(scale);
  let culled: CulledScene;
  let stale = false;
  if (!fontPx) {
    // No names at this zoom: the world layer is a picture, reused while panning and zooming.
    const r = drawFromBitmap(ctx, scene, view, rect, (bctx, region) => {
      const c = cullScene(scene.spatial, graph.payload, visible, collapsed, region);
      drawWorld(bctx, scene, c, region, scale);
      return c;
    });
    culled = r.culled;
    stale = r.stale;
  } else {
    culled = cullScene(scene.spatial, graph.payload, visible, collapsed, rect);
    drawWorld(ctx, scene, culled, rect, scale);
  }
  drawGroupNames(ctx, graph, culled.bands, view, dark);
  const named = fontPx ? culled.nodes : [];
  return {
    ...drawNodeLabels(ctx, graph, named, scene.down, view, dark, scene.labelCache),
    /** The bitmap was drawn at another zoom: redraw once the view settles. */
    stale,
  };
}

/** Bands, edges, nodes and the selection of `c`, in world coordinates (the context's transform). */
function drawWorld(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  c: CulledScene,
  rect: WorldRect,
  scale: number,
) {
  const { graph, visible, collapsed, highlights, down, dark } = scene;
  const p = graph.payload;
  // Far out, draw less: straight edges and solid nodes (level of detail).
  const coarse = scale < COARSE_BELOW;

  ctx.lineWidth = 1 / scale;
  for (const gi of c.bands) {
    const [bx, by, bw, bh] = p.boxes[gi] as [number, number, number, number];
    const isCollapsed = collapsed.has(gi);
    ctx.fillStyle = dark
      ? isCollapsed
        ? "#334155"
        : "#0f172a"
      : isCollapsed
        ? "#e2e8f0"
        : "#f8fafc";
    ctx.strokeStyle = dark ? "#334155" : "#cbd5e1";
    ctx.fillRect(bx, by, bw, isCollapsed ? LAYOUT.row * 2 : bh);
    ctx.strokeRect(bx, by, bw, isCollapsed ? LAYOUT.row * 2 : bh);
  }

  drawEdges(ctx, scene, c, rect, scale, coarse);

  // Nodes; their names come after, in screen space.
  const pattern = down.size ? hatchPattern(ctx) : null;
  for (const i of c.nodes) {
    const x = p.x[i] as number;
    const y = p.y[i] as number;
    const ring = highlights.ring.get(i);
    const isDown = down.has(i);
    const health = healthStyle(p.health[i]);
    if (coarse && !ring) {
      // Zoomed far out a node is a few pixels: one filled rectangle in its health colour.
      ctx.fillStyle = isDown ? "#94a3b8" : health.color;
      ctx.fillRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
      continue;
    }
    ctx.fillStyle = dark ? "#1e293b" : "#ffffff";
    ctx.fillRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
    if (isDown && pattern) {
      ctx.fillStyle = pattern;
      ctx.fillRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
    }
    ctx.fillStyle = health.color;
    ctx.fillRect(x, y, 6, LAYOUT.nodeH);
    if (ring) {
      const style = RING_STYLE[ring];
      ctx.strokeStyle = dark ? style.dark : style.light;
      ctx.setLineDash(style.dash.map((d) => d / scale));
      ctx.lineWidth = 2.5 / scale;
      ctx.strokeRect(
        x - 2 / scale,
        y - 2 / scale,
        LAYOUT.nodeW + 4 / scale,
        LAYOUT.nodeH + 4 / scale,
      );
      if (ring === "root") {
        // A second, outer line: root cause is a double ring, blast radius a dashed one.
        ctx.strokeRect(
          x - 6 / scale,
          y - 6 / scale,
          LAYOUT.nodeW + 12 / scale,
          LAYOUT.nodeH + 12 / scale,
        );
      }
      ctx.setLineDash([]);
    } else {
      ctx.strokeStyle = isDown ? "#64748b" : dark ? "#475569" : "#cbd5e1";
      ctx.lineWidth = 1 / scale;
      ctx.strokeRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
    }
  }
  if (highlights.selected !== null && visible[highlights.selected]) {
    const i = highlights.selected;
    ctx.strokeStyle = SELECTED_COLOR;
    ctx.lineWidth = 3 / scale;
    ctx.strokeRect(
      (p.x[i] as number) - 9 / scale,
      (p.y[i] as number) - 9 / scale,
      LAYOUT.nodeW + 18 / scale,
      LAYOUT.nodeH + 18 / scale,
    );
  }
}
