import {
  type DecodedGraph,
  type LineageView,
  nodeOf,
  visibleNodes,
} from "@/lib/lineage/graph-view";
import { fitVisible } from "@/lib/lineage/layout-labels";
import { type Viewport, viewportToTransform } from "@/lib/lineage/viewport";
import type { CanvasHighlights } from "./graph-canvas";
import { impactRingKinds } from "./impact-ring-kinds";

// What the canvas shows of a graph for a view of the lineage page (its URL):
// which nodes, which groups are folded, the rings of the selected asset, the
// nodes of locations that are down, and where the first frame looks. One
// function for the page and the first-frame script, so the frame drawn before
// React loads is the frame React draws.

export interface SceneInputs {
  visible: Uint8Array;
  collapsed: ReadonlySet<number>;
  highlights: CanvasHighlights;
  down: ReadonlySet<number>;
}

export function collapsedOf(graph: DecodedGraph, view: LineageView): ReadonlySet<number> {
  return new Set(view.collapsed.map((c) => graph.groupName.indexOf(c)).filter((i) => i >= 0));
}

/** The rings of the selected node (`nodeOf` the view's selection). */
export function highlightsOf(graph: DecodedGraph, selected: number | null): CanvasHighlights {
  return { ring: impactRingKinds(graph, selected), selected };
}

/** Nodes whose code location is down or whose deployment is unreachable. */
export function downOf(graph: DecodedGraph): ReadonlySet<number> {
  return new Set(graph.payload.down);
}

export function sceneInputs(graph: DecodedGraph, view: LineageView): SceneInputs {
  return {
    visible: visibleNodes(graph, view),
    collapsed: collapsedOf(graph, view),
    highlights: highlightsOf(graph, nodeOf(graph, view.selected)),
    down: downOf(graph),
  };
}

/** Where the first frame looks: the URL's viewport, else the fitted view of what is visible. */
export function firstTransform(
  graph: DecodedGraph,
  visible: Uint8Array,
  viewport: Viewport | null,
  w: number,
  h: number,
) {
  return viewport ? viewportToTransform(viewport, w, h) : fitVisible(graph.payload, visible, w, h);
}
