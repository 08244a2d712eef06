import type { GraphPayload } from "@/lib/api/graph-payload";
import { withEnv } from "@/lib/environments/env-href";
import { gzipJsonHref, readJson } from "@/lib/http/compressed-json";

// The browser's request for the lineage graph, shared by the page's query
// (graphQuery) and the first-frame script (components/lineage/first-frame.ts),
// which asks before React has loaded and hands its answer over: one request
// per page load, whoever makes it. No React here: the first-frame script is
// bundled on its own and must stay small.

/**
 * The graph's URL: gzipped once per snapshot and shared by every viewer
 * (lib/http/compressed-json.ts), named in the URL so that the lineage page's
 * <link rel=preload> of this same URL is what the fetch below takes.
 */
export function graphHref(env?: string): string {
  return gzipJsonHref(withEnv("/api/v1/graph", env));
}

/** The id of the <script type="application/json"> that holds a small graph in the lineage page's document (lib/lineage/inline-graph.ts). */
export const INLINE_GRAPH_ID = "hb-graph";

/** The graph the document holds, parsed; null when it holds none. */
export function inlineGraph(): GraphPayload | null {
  const text = document.getElementById(INLINE_GRAPH_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as GraphPayload;
  } catch {
    return null; // the fetch below asks for it instead
  }
}

export async function fetchGraph(env?: string): Promise<GraphPayload> {
  const res = await fetch(graphHref(env));
  if (!res.ok) throw new Error(`graph: HTTP ${res.status}`);
  return readJson<GraphPayload>(res);
}

interface FirstGraph {
  env: string | null;
  graph: Promise<GraphPayload>;
}

declare global {
  interface Window {
    __hbFirstGraph?: FirstGraph;
  }
}

/** Leaves the first-frame script's request where the page's query will find it. */
export function offerFirstGraph(env: string | undefined, graph: Promise<GraphPayload>): void {
  graph.catch(() => undefined); // the page's query reports a failure, not the window
  window.__hbFirstGraph = { env: env ?? null, graph };
}

/** The first-frame script's request for `env`'s graph, once; null when there is none. */
export function takeFirstGraph(env?: string): Promise<GraphPayload> | null {
  if (typeof window === "undefined") return null;
  const offered = window.__hbFirstGraph;
  if (!offered || offered.env !== (env ?? null)) return null;
  window.__hbFirstGraph = undefined;
  return offered.graph;
}
