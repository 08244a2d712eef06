"use client";

import type { ReactNode } from "react";
import { Panel } from "@/components/panel/panel";
import { ParamProblems } from "@/components/param-problems";
import type { GraphPayload } from "@/lib/api/graph-payload";
import { decodeGraph, type LineageView } from "@/lib/lineage/graph-view";
import { CANVAS_CLASS } from "./graph-canvas";
import { GraphToolbar } from "./graph-toolbar";

// The lineage page until its graph is in the browser: the page's own boxes
// (data-age banner, toolbar, summary line, the canvas's panel) in the same places, with an
// empty canvas. The server renders it, and first-frame.ts draws the graph into
// its canvas before React has loaded; the loaded page then draws the same
// frame in the same place (e2e/lineage-first-frame.spec.ts).

const EMPTY: GraphPayload = {
  generation: "",
  topology: "",
  deployments: [],
  locations: [],
  groups: [],
  teams: [],
  kinds: [],
  keys: [],
  group: [],
  team: [],
  sharedTeams: [],
  nodeKinds: [],
  health: "",
  down: [],
  x: [],
  y: [],
  boxes: [],
  edges: [],
  cycles: [],
};
const EMPTY_GRAPH = decodeGraph(EMPTY);
const nothing = () => undefined;

export function LineageShell({
  view,
  problems,
  banner,
  heightClass = "h-[70vh]",
}: {
  view: LineageView;
  problems: string[];
  /** The data-age banner, as the loaded page shows it above the toolbar. */
  banner: ReactNode;
  heightClass?: string;
}) {
  return (
    <div className="space-y-4" aria-busy="true">
      {banner}
      <ParamProblems problems={problems} />
      {/* Inert until the graph is here: nothing typed or picked is lost when it arrives. */}
      <div inert>
        <GraphToolbar graph={EMPTY_GRAPH} view={view} onChange={nothing} />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="graph-loading">
        Loading the lineage graph…
      </p>
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Panel title="Lineage" id="lineage">
          <div className="relative">
            <canvas
              data-first-frame=""
              data-testid="lineage-first-frame"
              className={`${heightClass} ${CANVAS_CLASS}`}
              aria-label="Lineage graph, loading"
            />
          </div>
        </Panel>
        <p className="text-sm text-slate-500">
          Select an asset to see its owners, failures, blast radius and root cause.
        </p>
      </div>
    </div>
  );
}
