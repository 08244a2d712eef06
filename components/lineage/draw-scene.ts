import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import { COARSE_BELOW, labelFontPx } from "@/lib/lineage/layout-labels";
import { drawGroupNames, drawNodeLabels, type LabelCache } from "./draw-labels";
import type { CanvasHighlights } from "./graph-canvas";
import { EDGE_STYLE, healthStyle, RING_STYLE, SELECTED_COLOR } from "./graph-palette";

// One frame of the lineage canvas, drawn in world space: group bands, edges
// (by kind), nodes and the selection; then names in screen space (draw-labels).
// Plain canvas calls, no React; graph-canvas.tsx owns sizing, the view
// transform and input.

export interface Scene {
  graph: DecodedGraph;
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  highlights: CanvasHighlights;
  /** Nodes whose code location is down (shown with their last known state). */
  down: ReadonlySet<number>;
  dark: boolean;
  labelCache: LabelCache;
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
  const { graph, visible, collapsed, highlights, down, dark } = scene;
  const { scale, tx, ty, w, h } = view;
  const p = graph.payload;
  // Far out, draw less: straight edges and solid nodes (level of detail).
  const coarse = scale < COARSE_BELOW;
  const fontPx = labelFontPx(scale);
  // World-space viewport, to skip what is off screen.
  const vx0 = -tx / scale;
  const vy0 = -ty / scale;
  const vx1 = vx0 + w / scale;
  const vy1 = vy0 + h / scale;
  const onScreen = (x: number, y: number, ww: number, hh: number) =>
    x + ww >= vx0 && x <= vx1 && y + hh >= vy0 && y <= vy1;

  // Group bands (only those with something visible).
  const groupVisible = new Uint8Array(p.groups.length);
  for (let i = 0; i < visible.length; i++) if (visible[i]) groupVisible[p.group[i] as number] = 1;
  const bands: number[] = [];
  ctx.lineWidth = 1 / scale;
  p.boxes.forEach(([bx, by, bw, bh], gi) => {
    if (!groupVisible[gi] || !onScreen(bx, by, bw, bh)) return;
    bands.push(gi);
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
  });

  // Edges by kind: same-location, cross-location, cross-deployment (graph-palette).
  const anchor = (i: number, side: "in" | "out"): [number, number] => {
    const gi = p.group[i] as number;
    if (collapsed.has(gi)) {
      const [bx, by, bw] = p.boxes[gi] as [number, number, number, number];
      return [side === "out" ? bx + bw : bx, by + LAYOUT.row];
    }
    return [
      (p.x[i] as number) + (side === "out" ? LAYOUT.nodeW : 0),
      (p.y[i] as number) + LAYOUT.nodeH / 2,
    ];
  };
  EDGE_STYLE.forEach((style, kindMatch) => {
    ctx.strokeStyle = dark ? style.dark : style.light;
    ctx.setLineDash(style.dash.map((d) => d / scale));
    ctx.lineWidth = style.width / scale;
    ctx.lineCap = kindMatch === 2 ? "round" : "butt";
    ctx.beginPath();
    for (let e = 0; e < p.edges.length; e += 3) {
      const a = p.edges[e] as number;
      const b = p.edges[e + 1] as number;
      const flags = p.edges[e + 2] as number;
      const kind = flags & 2 ? 2 : flags & 1 ? 1 : 0;
      if (kind !== kindMatch || !visible[a] || !visible[b]) continue;
      if (collapsed.has(p.group[a] as number) && p.group[a] === p.group[b]) continue;
      const [x1, y1] = anchor(a, "out");
      const [x2, y2] = anchor(b, "in");
      if (!onScreen(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)))
        continue;
      ctx.moveTo(x1, y1);
      if (coarse) {
        ctx.lineTo(x2, y2);
      } else {
        const mid = (x1 + x2) / 2;
        ctx.bezierCurveTo(mid, y1, mid, y2, x2, y2);
      }
    }
    ctx.stroke();
  });
  ctx.setLineDash([]);
  ctx.lineCap = "butt";

  // Nodes; their names come after, in screen space.
  const named: number[] = [];
  const pattern = down.size ? hatchPattern(ctx) : null;
  for (let i = 0; i < visible.length; i++) {
    if (!visible[i] || collapsed.has(p.group[i] as number)) continue;
    const x = p.x[i] as number;
    const y = p.y[i] as number;
    if (!onScreen(x, y, LAYOUT.nodeW, LAYOUT.nodeH)) continue;
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
    if (fontPx) named.push(i);
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

  drawGroupNames(ctx, graph, bands, view, dark);
  return drawNodeLabels(ctx, graph, named, down, view, dark, scene.labelCache);
}
