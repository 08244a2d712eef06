"use client";

import { useCallback, useEffect, useRef } from "react";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { LAYOUT } from "@/lib/lineage/layout-constants";
import { drawScene } from "./draw-scene";

// Draws the whole graph on one canvas: no DOM node per asset, so 25k assets
// pan and zoom smoothly. Positions come from the server's layout.

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
    drawScene(
      ctx,
      { graph, visible, collapsed, highlights, dark: dark.current },
      { scale, tx, ty, w, h },
    );
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
