import { drawScene, type Scene } from "./draw-scene";

// One whole frame of the lineage canvas: the canvas sized to its box at the
// device's pixel ratio, cleared, and the scene drawn at the view. The page's
// canvas (graph-canvas.tsx) draws every frame with it, and the first-frame
// script (first-frame.ts) the frame before React has loaded, so both draw
// the same pixels for the same view.

export interface View {
  scale: number;
  tx: number;
  ty: number;
}

declare global {
  interface Window {
    /** performance.now() of the first frame with the graph on screen (benches and tests read it). */
    __hbGraphPainted?: number;
  }
}

/** Draws one frame; returns the names drawn on screen, or null without a 2D context. */
export function drawFrame(
  canvas: HTMLCanvasElement,
  scene: Scene,
  view: View,
): ReturnType<typeof drawScene> | null {
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  const { scale, tx, ty } = view;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * tx, dpr * ty);
  const labels = drawScene(ctx, scene, { scale, tx, ty, w, h, dpr });
  if (window.__hbGraphPainted === undefined) {
    window.__hbGraphPainted = performance.now();
    performance.mark("hb-graph-painted");
  }
  return labels;
}

/**
 * Whether the canvas is drawn dark: an embed can force a theme (color-scheme
 * light or dark on an ancestor); otherwise the system's, as the page's CSS.
 */
export function drawsDark(canvas: HTMLCanvasElement): boolean {
  const scheme = getComputedStyle(canvas).colorScheme;
  return (
    scheme === "dark" ||
    (scheme !== "light" && (window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false))
  );
}
