import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import type { CanvasHighlights } from "./graph-canvas";

// One frame of the lineage canvas, drawn in world space: group bands, edges
// (by kind), nodes and the selection. Plain canvas calls, no React; the
// component in graph-canvas.tsx owns sizing, the view transform and input.

const FILL: Record<string, string> = {
  H: "#16a34a",
  W: "#d97706",
  D: "#dc2626",
  U: "#94a3b8",
  S: "#cbd5e1",
};

export interface Scene {
  graph: DecodedGraph;
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  highlights: CanvasHighlights;
  dark: boolean;
}

export function drawScene(
  ctx: CanvasRenderingContext2D,
  { graph, visible, collapsed, highlights, dark }: Scene,
  { scale, tx, ty, w, h }: { scale: number; tx: number; ty: number; w: number; h: number },
) {
  const p = graph.payload;
  // Far out, draw less: straight edges and solid nodes (level of detail).
  const coarse = scale < 0.25;
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
  ctx.lineWidth = 1 / scale;
  ctx.font = `${12}px system-ui, sans-serif`;
  p.boxes.forEach(([bx, by, bw, bh], gi) => {
    if (!groupVisible[gi] || !onScreen(bx, by, bw, bh)) return;
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
    if (scale > 0.15) {
      ctx.fillStyle = dark ? "#94a3b8" : "#475569";
      ctx.fillText(graph.groupName[gi] ?? "", bx + 4, by - 4);
    }
  });

  // Edges: same-location grey, cross-location orange dashed, cross-deployment purple.
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
  for (const [flagMatch, color, dash] of [
    [0, dark ? "#475569" : "#cbd5e1", [] as number[]],
    [1, "#ea580c", [6, 4]],
    [2, "#9333ea", [2, 3]],
  ] as const) {
    ctx.strokeStyle = color;
    ctx.setLineDash(dash.map((d) => d / scale));
    ctx.lineWidth = (flagMatch === 0 ? 1 : 1.6) / scale;
    ctx.beginPath();
    for (let e = 0; e < p.edges.length; e += 3) {
      const a = p.edges[e] as number;
      const b = p.edges[e + 1] as number;
      const flags = p.edges[e + 2] as number;
      const kind = flags & 2 ? 2 : flags & 1 ? 1 : 0;
      if (kind !== flagMatch || !visible[a] || !visible[b]) continue;
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
  }
  ctx.setLineDash([]);

  // Nodes, with labels once they are big enough to read.
  const labels = scale > 0.45;
  for (let i = 0; i < visible.length; i++) {
    if (!visible[i] || collapsed.has(p.group[i] as number)) continue;
    const x = p.x[i] as number;
    const y = p.y[i] as number;
    if (!onScreen(x, y, LAYOUT.nodeW, LAYOUT.nodeH)) continue;
    const ring = highlights.ring.get(i);
    if (coarse && !ring) {
      // Zoomed far out a node is a few pixels: one filled rectangle in its health colour.
      ctx.fillStyle = FILL[p.health[i] ?? "U"] ?? "#94a3b8";
      ctx.fillRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
      continue;
    }
    ctx.fillStyle = dark ? "#1e293b" : "#ffffff";
    ctx.fillRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
    ctx.fillStyle = FILL[p.health[i] ?? "U"] ?? "#94a3b8";
    ctx.fillRect(x, y, 6, LAYOUT.nodeH);
    ctx.strokeStyle = ring ?? (dark ? "#475569" : "#cbd5e1");
    ctx.lineWidth = (ring ? 3 : 1) / scale;
    ctx.strokeRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
    if (labels) {
      ctx.fillStyle = dark ? "#e2e8f0" : "#0f172a";
      const key = p.keys[i] as string[];
      ctx.fillText(key.join(" / ").slice(0, 28), x + 10, y + 16);
    }
  }
  if (highlights.selected !== null && visible[highlights.selected]) {
    const i = highlights.selected;
    ctx.strokeStyle = "#2563eb";
    ctx.lineWidth = 3 / scale;
    ctx.strokeRect(
      (p.x[i] as number) - 3,
      (p.y[i] as number) - 3,
      LAYOUT.nodeW + 6,
      LAYOUT.nodeH + 6,
    );
  }
}
