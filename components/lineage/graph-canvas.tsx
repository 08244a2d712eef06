"use client";

import { useCallback, useEffect, useRef } from "react";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { LAYOUT } from "@/lib/lineage/layout-constants";

// Draws the whole graph on one canvas: no DOM node per asset, so 25k assets
// pan and zoom smoothly. Positions come from the server's layout.

const FILL: Record<string, string> = {
  H: "#16a34a",
  W: "#d97706",
  D: "#dc2626",
  U: "#94a3b8",
  S: "#cbd5e1",
};

export interface CanvasHighlights {
  /** Node index -> ring colour. */
  ring: Map<number, string>;
  selected: number | null;
}

interface Props {
  graph: DecodedGraph;
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  highlights: CanvasHighlights;
  /** Changes when the view should re-fit (e.g. a new focus). */
  fitKey: string;
  onSelect: (node: number | null) => void;
  /** Tailwind height class; the lineage page uses most of the viewport. */
  heightClass?: string;
}

export function GraphCanvas({
  graph,
  visible,
  collapsed,
  highlights,
  fitKey,
  onSelect,
  heightClass = "h-[70vh]",
}: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef({ scale: 1, tx: 0, ty: 0 });
  const frame = useRef(0);
  const dark = useRef(false);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const { scale, tx, ty } = view.current;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * tx, dpr * ty);
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
      ctx.fillStyle = dark.current
        ? isCollapsed
          ? "#334155"
          : "#0f172a"
        : isCollapsed
          ? "#e2e8f0"
          : "#f8fafc";
      ctx.strokeStyle = dark.current ? "#334155" : "#cbd5e1";
      ctx.fillRect(bx, by, bw, isCollapsed ? LAYOUT.row * 2 : bh);
      ctx.strokeRect(bx, by, bw, isCollapsed ? LAYOUT.row * 2 : bh);
      if (scale > 0.15) {
        ctx.fillStyle = dark.current ? "#94a3b8" : "#475569";
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
      [0, dark.current ? "#475569" : "#cbd5e1", [] as number[]],
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
      ctx.fillStyle = dark.current ? "#1e293b" : "#ffffff";
      ctx.fillRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
      ctx.fillStyle = FILL[p.health[i] ?? "U"] ?? "#94a3b8";
      ctx.fillRect(x, y, 6, LAYOUT.nodeH);
      ctx.strokeStyle = ring ?? (dark.current ? "#475569" : "#cbd5e1");
      ctx.lineWidth = (ring ? 3 : 1) / scale;
      ctx.strokeRect(x, y, LAYOUT.nodeW, LAYOUT.nodeH);
      if (labels) {
        ctx.fillStyle = dark.current ? "#e2e8f0" : "#0f172a";
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
    const w2 = window as typeof window & { __hbFrameTimes?: number[]; __hbGraphPainted?: number };
    w2.__hbFrameTimes ??= [];
    w2.__hbFrameTimes.push(performance.now() - t0);
    if (w2.__hbGraphPainted === undefined) {
      w2.__hbGraphPainted = performance.now();
      performance.mark("hb-graph-painted");
    }
  }, [graph, visible, collapsed, highlights]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  }, [draw]);

  // Fit what is visible into the canvas when the focus changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-fit only on fitKey
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const p = graph.payload;
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < visible.length; i++) {
      if (!visible[i]) continue;
      x0 = Math.min(x0, p.x[i] as number);
      y0 = Math.min(y0, p.y[i] as number);
      x1 = Math.max(x1, (p.x[i] as number) + LAYOUT.nodeW);
      y1 = Math.max(y1, (p.y[i] as number) + LAYOUT.nodeH);
    }
    if (!Number.isFinite(x0)) return;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const scale = Math.min(1.5, Math.max(0.01, Math.min(w / (x1 - x0 + 80), h / (y1 - y0 + 80))));
    view.current = {
      scale,
      tx: (w - (x1 - x0) * scale) / 2 - x0 * scale,
      ty: (h - (y1 - y0) * scale) / 2 - y0 * scale,
    };
    schedule();
  }, [fitKey, graph]);

  useEffect(() => {
    // An embed can force a theme (color-scheme: light or dark on an ancestor);
    // otherwise follow the system, as the page's CSS does.
    const scheme = canvasRef.current ? getComputedStyle(canvasRef.current).colorScheme : "";
    dark.current =
      scheme === "dark" ||
      (scheme !== "light" &&
        (window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false));
    schedule();
  }, [schedule]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onResize = () => schedule();
    window.addEventListener("resize", onResize);
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const mx = e.clientX - rect.left;
      const my = e.clientY - rect.top;
      const v = view.current;
      const factor = Math.exp(-e.deltaY * 0.0015);
      const scale = Math.min(4, Math.max(0.005, v.scale * factor));
      view.current = {
        scale,
        tx: mx - ((mx - v.tx) * scale) / v.scale,
        ty: my - ((my - v.ty) * scale) / v.scale,
      };
      schedule();
    };
    let drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
    const onDown = (e: PointerEvent) => {
      drag = { x: e.clientX, y: e.clientY, tx: view.current.tx, ty: view.current.ty, moved: false };
      canvas.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.current = { ...view.current, tx: drag.tx + dx, ty: drag.ty + dy };
      schedule();
    };
    const onUp = (e: PointerEvent) => {
      const wasDrag = drag?.moved;
      drag = null;
      if (wasDrag) return;
      const rect = canvas.getBoundingClientRect();
      const { scale, tx, ty } = view.current;
      const wx = (e.clientX - rect.left - tx) / scale;
      const wy = (e.clientY - rect.top - ty) / scale;
      const p = graph.payload;
      let hit: number | null = null;
      for (let i = 0; i < visible.length; i++) {
        if (!visible[i] || collapsed.has(p.group[i] as number)) continue;
        const x = p.x[i] as number;
        const y = p.y[i] as number;
        if (wx >= x && wx <= x + LAYOUT.nodeW && wy >= y && wy <= y + LAYOUT.nodeH) {
          hit = i;
          break;
        }
      }
      onSelect(hit);
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    canvas.addEventListener("pointerdown", onDown);
    canvas.addEventListener("pointermove", onMove);
    canvas.addEventListener("pointerup", onUp);
    return () => {
      window.removeEventListener("resize", onResize);
      canvas.removeEventListener("wheel", onWheel);
      canvas.removeEventListener("pointerdown", onDown);
      canvas.removeEventListener("pointermove", onMove);
      canvas.removeEventListener("pointerup", onUp);
    };
  }, [graph, visible, collapsed, onSelect, schedule]);

  return (
    <canvas
      ref={canvasRef}
      data-testid="lineage-canvas"
      className={`${heightClass} w-full cursor-grab touch-none rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950`}
      aria-label="Lineage graph: use the search and the asset list for keyboard access"
      role="img"
    />
  );
}
