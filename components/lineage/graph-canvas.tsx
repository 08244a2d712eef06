"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatKey } from "@/lib/format";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { type LabelCache, newLabelCache } from "@/lib/lineage/label-fit";
import { fitVisible } from "@/lib/lineage/layout-labels";
import { buildGraphSpatial } from "@/lib/lineage/scene-culling";
import { clampZoom, transformToViewport, type Viewport } from "@/lib/lineage/viewport";
import { drawFrame, drawsDark } from "./draw-frame";
import type { OnScreenLabel } from "./draw-labels";
import type { FarBitmap } from "./far-bitmap";
import type { RingKind } from "./graph-palette";
import { firstTransform } from "./scene-inputs";
import { useCanvasPointer } from "./use-canvas-pointer";
import { ZoomControls } from "./zoom-controls";

// Draws the graph on one canvas: no DOM node per asset, and each frame draws
// only what is on screen (scene-culling's grid index), so 25k assets pan and
// zoom within a frame. Positions come from the server's layout.

export interface CanvasHighlights {
  /** Node index -> which impact ring it gets. */
  ring: Map<number, RingKind>;
  selected: number | null;
}

interface Props {
  graph: DecodedGraph;
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  highlights: CanvasHighlights;
  /** Nodes of a code location that is down. */
  down?: ReadonlySet<number>;
  /** Changes when the view should re-fit (e.g. a new focus). */
  fitKey: string;
  onSelect: (node: number | null) => void;
  /** Where the first frame looks (from the URL); fitted when absent. */
  initialViewport?: Viewport | null;
  /** Told (debounced) after the user pans or zooms. */
  onViewportChange?: (viewport: Viewport) => void;
  /** Tailwind height class; the lineage page uses most of the viewport. */
  heightClass?: string;
}

const NONE: ReadonlySet<number> = new Set();
/** The canvas's box, shared with the page's shell (lineage-shell.tsx) so the first frame does not move. */
export const CANVAS_CLASS =
  "w-full rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950";
const ZOOM_STEP = 1.4;
const PAN_STEP = 80;
/** A stretched far-zoom bitmap is drawn again at the exact zoom once the view rests this long. */
const SETTLE_MS = 150;

export function GraphCanvas({
  graph,
  visible,
  collapsed,
  highlights,
  down = NONE,
  fitKey,
  onSelect,
  initialViewport = null,
  onViewportChange,
  heightClass = "h-[70vh]",
}: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef({ scale: 1, tx: 0, ty: 0 });
  const frame = useRef(0);
  const dark = useRef(false);
  const labelCache = useRef<LabelCache>(newLabelCache());
  const bitmap = useRef<FarBitmap | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const spatial = useMemo(() => buildGraphSpatial(graph.payload), [graph]);
  const initial = useRef(initialViewport);
  const [onScreen, setOnScreen] = useState<{ listed: OnScreenLabel[]; total: number }>({
    listed: [],
    total: 0,
  });
  const listTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reportTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const report = useRef(onViewportChange);
  report.current = onViewportChange;

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const t0 = performance.now();
    const labels = drawFrame(
      canvas,
      {
        graph,
        visible,
        collapsed,
        highlights,
        down,
        dark: dark.current,
        labelCache: labelCache.current,
        spatial,
        bitmap,
      },
      view.current,
    );
    if (!labels) return;
    const w2 = window as typeof window & { __hbFrameTimes?: number[] };
    w2.__hbFrameTimes ??= [];
    w2.__hbFrameTimes.push(performance.now() - t0);
    // The accessible list of names follows the canvas once it settles, not every frame.
    clearTimeout(listTimer.current);
    listTimer.current = setTimeout(() => setOnScreen(labels), 120);
    clearTimeout(settleTimer.current);
    if (labels.stale) {
      settleTimer.current = setTimeout(() => {
        // Emptied inputs never match: the next frame draws the bitmap again, at this zoom.
        if (bitmap.current) bitmap.current.inputs = [];
        frame.current = requestAnimationFrame(drawRef.current);
      }, SETTLE_MS);
    }
  }, [graph, visible, collapsed, highlights, down, spatial]);
  const drawRef = useRef(draw);
  drawRef.current = draw;

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  }, [draw]);

  /** Applies a user's pan or zoom: redraw now, tell the page once it settles. */
  const move = useCallback(
    (next: { scale: number; tx: number; ty: number }) => {
      view.current = next;
      schedule();
      const canvas = canvasRef.current;
      if (!canvas) return;
      clearTimeout(reportTimer.current);
      reportTimer.current = setTimeout(
        () => report.current?.(transformToViewport(next, canvas.clientWidth, canvas.clientHeight)),
        250,
      );
    },
    [schedule],
  );

  const fittedTransform = useCallback(() => {
    const canvas = canvasRef.current;
    return canvas
      ? fitVisible(graph.payload, visible, canvas.clientWidth, canvas.clientHeight)
      : null;
  }, [graph, visible]);

  // Fit what is visible when the focus or filters change (or the graph's shape),
  // except the first time when the URL says where to look. Before the browser
  // paints: the first frame replaces the one drawn before React loaded
  // (first-frame.ts) without a blank frame between them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-fit only on fitKey and topology
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    dark.current = drawsDark(canvas);
    const from = initial.current;
    initial.current = null;
    const next = firstTransform(graph, visible, from, canvas.clientWidth, canvas.clientHeight);
    if (next) view.current = next;
    cancelAnimationFrame(frame.current);
    draw();
  }, [fitKey, graph.payload.topology]);

  // Every other change of what the frame shows (a new graph, a selection, a
  // folded group) draws it again at the next frame.
  useEffect(() => {
    if (canvasRef.current) dark.current = drawsDark(canvasRef.current);
    schedule();
  }, [schedule]);

  const zoomAt = useCallback(
    (factor: number, mx?: number, my?: number) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const cx = mx ?? canvas.clientWidth / 2;
      const cy = my ?? canvas.clientHeight / 2;
      const v = view.current;
      const scale = clampZoom(v.scale * factor);
      move({
        scale,
        tx: cx - ((cx - v.tx) * scale) / v.scale,
        ty: cy - ((cy - v.ty) * scale) / v.scale,
      });
    },
    [move],
  );
  const refit = useCallback(() => {
    const next = fittedTransform();
    if (next) move(next);
  }, [fittedTransform, move]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const v = view.current;
    const pan = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[
      e.key
    ];
    if (e.key === "+" || e.key === "=") zoomAt(ZOOM_STEP);
    else if (e.key === "-" || e.key === "_") zoomAt(1 / ZOOM_STEP);
    else if (e.key === "0") refit();
    else if (pan)
      move({
        ...v,
        tx: v.tx + (pan[0] as number) * PAN_STEP,
        ty: v.ty + (pan[1] as number) * PAN_STEP,
      });
    else return;
    e.preventDefault();
  };

  useCanvasPointer(canvasRef, view, {
    graph,
    spatial,
    visible,
    collapsed,
    onSelect,
    schedule,
    move,
    zoomAt,
  });

  useEffect(
    () => () => {
      clearTimeout(listTimer.current);
      clearTimeout(reportTimer.current);
      clearTimeout(settleTimer.current);
    },
    [],
  );

  return (
    <div className="relative">
      <canvas
        ref={canvasRef}
        data-testid="lineage-canvas"
        className={`${heightClass} ${CANVAS_CLASS} cursor-grab touch-none focus-visible:outline-2 focus-visible:outline-blue-600`}
        aria-label="Lineage graph. Keys: + and - zoom, 0 fits, arrow keys pan. Use the search and the asset list below for the assets."
        tabIndex={0}
        onKeyDown={onKeyDown}
      />
      <ZoomControls
        onZoomIn={() => zoomAt(ZOOM_STEP)}
        onZoomOut={() => zoomAt(1 / ZOOM_STEP)}
        onFit={refit}
      />
      <ul
        className="sr-only"
        aria-label="Assets on screen"
        data-testid="assets-on-screen"
        data-total={onScreen.total}
      >
        {onScreen.listed.map((l) => (
          <li key={l.node} data-key={graph.ids[l.node]} data-label={l.text} data-font-px={l.fontPx}>
            {formatKey(graph.payload.keys[l.node] as string[])}
          </li>
        ))}
      </ul>
    </div>
  );
}
