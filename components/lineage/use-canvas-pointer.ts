"use client";

import { type RefObject, useEffect } from "react";
import { formatKey } from "@/lib/format";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { type GraphSpatial, nodeAt } from "@/lib/lineage/scene-culling";

// Pointer and wheel input of the lineage canvas: drag to pan, wheel to zoom at
// the pointer, click to select, hover for the full key (drawn names may be cut).
// Split from graph-canvas.tsx, which draws.

type Transform = { scale: number; tx: number; ty: number };

interface PointerInputs {
  graph: DecodedGraph;
  spatial: GraphSpatial;
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  onSelect: (node: number | null) => void;
  schedule: () => void;
  move: (next: Transform) => void;
  zoomAt: (factor: number, mx?: number, my?: number) => void;
}

export function useCanvasPointer(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  view: RefObject<Transform>,
  { graph, spatial, visible, collapsed, onSelect, schedule, move, zoomAt }: PointerInputs,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: canvasRef and view are refs, read at event time on purpose
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onResize = () => schedule();
    window.addEventListener("resize", onResize);
    const toWorld = (e: PointerEvent) => {
      const rect = canvas.getBoundingClientRect();
      const { scale, tx, ty } = view.current;
      return [(e.clientX - rect.left - tx) / scale, (e.clientY - rect.top - ty) / scale];
    };
    const hit = (e: PointerEvent): number | null => {
      const [wx, wy] = toWorld(e) as [number, number];
      // Through the grid index: a hover costs the nodes near the pointer, not the graph.
      return nodeAt(spatial, graph.payload, visible, collapsed, wx, wy);
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    };
    let drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
    const onDown = (e: PointerEvent) => {
      drag = { x: e.clientX, y: e.clientY, tx: view.current.tx, ty: view.current.ty, moved: false };
      canvas.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      if (!drag) {
        // The full key on hover: the drawn name may be shortened.
        const i = hit(e);
        const title = i === null ? "" : formatKey(graph.payload.keys[i] as string[]);
        if (canvas.title !== title) canvas.title = title;
        return;
      }
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      move({ ...view.current, tx: drag.tx + dx, ty: drag.ty + dy });
    };
    const onUp = (e: PointerEvent) => {
      const wasDrag = drag?.moved;
      drag = null;
      if (!wasDrag) onSelect(hit(e));
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
  }, [graph, spatial, visible, collapsed, onSelect, schedule, move, zoomAt]);
}
