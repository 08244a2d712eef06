import { clipSpan, edgeCubic, lengthTo, subCubic } from "@/lib/lineage/edge-geometry";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import type { CulledScene, WorldRect } from "@/lib/lineage/scene-culling";
import type { Scene } from "./draw-scene";
import { EDGE_STYLE } from "./graph-palette";

// The edges of one frame, by kind (same-location, cross-location,
// cross-deployment: graph-palette), each cut to the part inside the screen
// (lib/lineage/edge-geometry) before it is stroked. Profiled at 25,000 assets,
// a close-zoom frame spent most of its time rasterising the dashes of a few
// dozen cross-location curves that run tens of thousands of pixels off screen.
//
// Each kind is one stroke of one path. A dashed edge cut at its start is
// stroked on its own, with the dash pattern started as far in as the cut
// (lineDashOffset = the curve's length up to it), so dashes stay where they
// are on the curve while the view pans instead of crawling along it.

/** Pixels kept around the screen: line width and round caps reach past it. */
const MARGIN_PX = 4;

const curve = new Float64Array(8);
const part = new Float64Array(8);
const span = [0, 1];
const end = { x: 0, y: 0 };

function trace(path: CanvasRenderingContext2D | Path2D, c: Float64Array, straight: boolean) {
  path.moveTo(c[0] as number, c[1] as number);
  if (straight) path.lineTo(c[6] as number, c[7] as number);
  else
    path.bezierCurveTo(
      c[2] as number,
      c[3] as number,
      c[4] as number,
      c[5] as number,
      c[6] as number,
      c[7] as number,
    );
}

export function drawEdges(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  c: CulledScene,
  rect: WorldRect,
  scale: number,
  straight: boolean,
) {
  const { collapsed, dark } = scene;
  const p = scene.graph.payload;
  const m = MARGIN_PX / scale;
  const clip = { x0: rect.x0 - m, y0: rect.y0 - m, x1: rect.x1 + m, y1: rect.y1 + m };
  /** Where an edge leaves or enters node i: its box's side, or its collapsed group's. */
  const anchor = (i: number, out: boolean) => {
    const gi = p.group[i] as number;
    if (collapsed.has(gi)) {
      const [bx, by, bw] = p.boxes[gi] as [number, number, number, number];
      end.x = out ? bx + bw : bx;
      end.y = by + LAYOUT.row;
    } else {
      end.x = (p.x[i] as number) + (out ? LAYOUT.nodeW : 0);
      end.y = (p.y[i] as number) + LAYOUT.nodeH / 2;
    }
  };
  EDGE_STYLE.forEach((style, kindMatch) => {
    const dash = style.dash.map((d) => d / scale);
    const period = dash.reduce((a, b) => a + b, 0);
    ctx.strokeStyle = dark ? style.dark : style.light;
    ctx.setLineDash(dash);
    ctx.lineDashOffset = 0;
    ctx.lineWidth = style.width / scale;
    ctx.lineCap = kindMatch === 2 ? "round" : "butt";
    const batch = new Path2D();
    for (const edge of c.edges) {
      const e = 3 * edge;
      const a = p.edges[e] as number;
      const b = p.edges[e + 1] as number;
      const flags = p.edges[e + 2] as number;
      const kind = flags & 2 ? 2 : flags & 1 ? 1 : 0;
      if (kind !== kindMatch) continue;
      if (collapsed.has(p.group[a] as number) && p.group[a] === p.group[b]) continue;
      anchor(a, true);
      const x1 = end.x;
      const y1 = end.y;
      anchor(b, false);
      edgeCubic(curve, x1, y1, end.x, end.y, straight);
      if (!clipSpan(curve, clip, span)) continue;
      const [t0, t1] = span as [number, number];
      const shown = t0 > 0 || t1 < 1 ? subCubic(curve, t0, t1, part) : curve;
      if (t0 > 0 && period > 0) {
        ctx.lineDashOffset = lengthTo(curve, t0) % period;
        ctx.beginPath();
        trace(ctx, shown, straight);
        ctx.stroke();
      } else trace(batch, shown, straight);
    }
    ctx.lineDashOffset = 0;
    ctx.stroke(batch);
  });
  ctx.setLineDash([]);
  ctx.lineCap = "butt";
}
