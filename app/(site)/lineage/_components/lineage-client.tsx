"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type EmbedSource, EmbedSourceContext } from "@/components/embed/embed-context";
import { type CanvasHighlights, GraphCanvas } from "@/components/lineage/graph-canvas";
import { GraphLegend } from "@/components/lineage/graph-legend";
import { GraphToolbar } from "@/components/lineage/graph-toolbar";
import { LineageShell } from "@/components/lineage/lineage-shell";
import { NodeDetails } from "@/components/lineage/node-details";
import { collapsedOf, downOf, highlightsOf } from "@/components/lineage/scene-inputs";
import { Panel } from "@/components/panel/panel";
import { ParamProblems } from "@/components/param-problems";
import { DataAgeBanner } from "@/components/team/data-age-banner";
import { withEnv } from "@/lib/environments/env-href";
import {
  applyViewChange,
  decodeGraph,
  type LineageView,
  nodeOf,
  parseView,
  type ViewChange,
  viewProblems,
  viewToSearch,
  visibleNodes,
} from "@/lib/lineage/graph-view";
import { parseViewport, type Viewport, withViewport } from "@/lib/lineage/viewport";
import type { DagsterUrls } from "@/lib/links/dagster-links";
import { deploymentFreshness } from "@/lib/overview/deployment-freshness";
import { graphQuery } from "@/lib/queries/lineage";
import { overviewQuery } from "@/lib/queries/overview";
import type { DeploymentFreshness } from "@/lib/snapshot/snapshot-types";

const NO_NODES: ReadonlySet<number> = new Set();

/** What the canvas fits to: a change re-fits it and drops the URL's viewport. */
const fitKeyOf = (v: LineageView) =>
  `${v.focus}|${v.depth}|${v.team}|${v.location}|${v.kind}|${v.health.join("")}`;

/** The URL's search without the viewport and the environment: what the view alone asked for. */
const viewSearch = (params: URLSearchParams) => {
  const view = withViewport(params, null);
  view.delete("env"); // written by setView after the view's own parameters
  return view.toString();
};

export function LineageClient({
  urls,
  refreshMs,
  staleAfterMs,
  env,
  initialFreshness,
}: {
  urls: DagsterUrls;
  refreshMs: number;
  /** When a deployment's data counts as late (the page derives it from the config). */
  staleAfterMs: number;
  /** The environment shown unless it is the default: read from the API and kept in the URL. */
  env?: string;
  /** The deployments' data age when the server rendered the page, until the overview is polled. */
  initialFreshness: { deployments: DeploymentFreshness[]; at: number };
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const view = useMemo(() => parseView(new URLSearchParams(search.toString())), [search]);
  const parsedViewport = useMemo(
    () => parseViewport(new URLSearchParams(search.toString())),
    [search],
  );
  const problems = useMemo(
    () => [...viewProblems(new URLSearchParams(search.toString())), ...parsedViewport.problems],
    [search, parsedViewport],
  );
  // Only the first frame comes from the URL; later the canvas owns the viewport and writes it back.
  const initialViewport = useRef(parsedViewport.viewport);
  // The server renders the shell without the graph; the browser asks for it
  // (the first-frame script already has, and has drawn it into the shell).
  const { data, error } = useQuery(graphQuery(refreshMs, env));
  // Deployment freshness comes with the overview: which deployments are
  // unreachable, and since when the graph shows their last good data.
  const { data: overview, dataUpdatedAt } = useQuery(overviewQuery(refreshMs, env));
  const freshness = useMemo(
    () => (overview ? deploymentFreshness(overview.deployments) : initialFreshness.deployments),
    [overview, initialFreshness],
  );
  const banner = (
    <DataAgeBanner
      freshness={freshness}
      staleAfterMs={staleAfterMs}
      now={overview ? dataUpdatedAt : initialFreshness.at}
    />
  );
  const graph = useMemo(() => {
    if (!data) return null;
    const decoded = decodeGraph(data);
    // For bench/lineage-profile.mjs: when the first graph was ready to draw.
    if (!performance.getEntriesByName("hb-graph-decoded").length) {
      performance.mark("hb-graph-decoded");
    }
    return decoded;
  }, [data]);

  // The URL updates asynchronously: changes made in quick succession (depth,
  // then team; two toggles) apply to the latest requested view, and the URL's
  // view is adopted again only once it has caught up with that request.
  const requested = useRef<{ view: LineageView; search: string } | null>(null);
  const current = viewSearch(new URLSearchParams(search.toString()));
  if (requested.current && `?${current}` === requested.current.search) requested.current = null;
  const latestView = requested.current?.view ?? view;
  const setView = useCallback(
    (change: ViewChange) => {
      const before = requested.current?.view ?? latestRef.current;
      const next = applyViewChange(before, change);
      const query = viewToSearch(next);
      requested.current = { view: next, search: query || "?" };
      // The viewport stays in the URL unless the change re-fits the canvas.
      const kept =
        fitKeyOf(next) === fitKeyOf(before)
          ? withViewport(
              new URLSearchParams(),
              parseViewport(new URLSearchParams(window.location.search)).viewport,
            ).toString()
          : "";
      const full = kept ? (query ? `${query}&${kept}` : `?${kept}`) : query;
      router.replace(withEnv(`${pathname}${full}`, env), { scroll: false });
    },
    [router, pathname, env],
  );
  const latestRef = useRef(latestView);
  latestRef.current = latestView;
  // What the canvas shows: the same functions draw the first frame (scene-inputs.ts).
  const visible = useMemo(
    () => (graph ? visibleNodes(graph, view) : new Uint8Array()),
    [graph, view],
  );
  const collapsed = useMemo(() => (graph ? collapsedOf(graph, view) : NO_NODES), [graph, view]);
  const selected = graph ? nodeOf(graph, view.selected) : null;
  const highlights = useMemo<CanvasHighlights>(
    () => (graph ? highlightsOf(graph, selected) : { ring: new Map(), selected: null }),
    [graph, selected],
  );
  const down = useMemo(() => (graph ? downOf(graph) : NO_NODES), [graph]);
  const onViewportChange = useCallback((viewport: Viewport) => {
    const params = withViewport(new URLSearchParams(window.location.search), viewport);
    window.history.replaceState(window.history.state, "", `${window.location.pathname}?${params}`);
  }, []);

  const onSelect = useCallback(
    (node: number | null) =>
      setView({ selected: node === null || !graph ? null : (graph.ids[node] ?? null) }),
    [graph, setView],
  );

  // The Embed button is a lazily loaded chunk (components/panel): mounted with
  // the first graph, it suspended the whole page's boundary, which showed the
  // skeleton again and, by React's reveal throttle, drew the canvas ≥ 300 ms
  // late. It arrives after the first frame instead, in a transition, which
  // keeps the drawn page on screen while the chunk loads.
  const [embedsShown, setEmbedsShown] = useState(false);
  useEffect(() => {
    if (graph) startTransition(() => setEmbedsShown(true));
  }, [graph]);
  const embeds = useMemo<EmbedSource>(
    () => ({
      targetFor: (panel) =>
        embedsShown && panel === "lineage" ? { kind: "lineage", view, env } : null,
      badges: {},
    }),
    [view, env, embedsShown],
  );

  if (error) return <p role="alert">The lineage graph is unavailable: {error.message}</p>;
  if (!graph) return <LineageShell view={view} problems={problems} banner={banner} />;

  const p = graph.payload;
  let cross = 0;
  let crossDeployment = 0;
  for (let e = 0; e < p.edges.length; e += 3) {
    const flags = p.edges[e + 2] as number;
    if (flags & 1) cross++;
    if (flags & 2) crossDeployment++;
  }
  const shown = visible.reduce((s, v) => s + v, 0);
  const groupsShown = [...new Set(p.group.filter((_, i) => visible[i]))];

  return (
    <EmbedSourceContext value={embeds}>
      <div className="space-y-4">
        {banner}
        <ParamProblems problems={problems} />
        <GraphToolbar graph={graph} view={view} onChange={setView} />
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="graph-summary">
          Showing <span data-testid="shown-count">{shown}</span> of {p.keys.length} assets ·{" "}
          <span data-testid="cross-location-count">{cross}</span> cross-location edges
          {crossDeployment ? `· ${crossDeployment} cross-deployment` : ""}
          {p.cycles.length ? ` · ${p.cycles.length} dependency cycles` : ""}
        </p>
        <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
          <Panel title="Lineage" id="lineage">
            <GraphCanvas
              graph={graph}
              visible={visible}
              collapsed={collapsed}
              highlights={highlights}
              down={down}
              fitKey={fitKeyOf(view)}
              onSelect={onSelect}
              initialViewport={initialViewport.current}
              onViewportChange={onViewportChange}
            />
            <div className="mt-2">
              <GraphLegend />
            </div>
            <details className="mt-2 text-sm">
              <summary>Groups ({groupsShown.length}): collapse or expand</summary>
              <ul className="mt-1 flex flex-wrap gap-2">
                {groupsShown.map((gi) => {
                  const name = graph.groupName[gi] as string;
                  const isCollapsed = view.collapsed.includes(name);
                  return (
                    <li key={gi}>
                      <button
                        type="button"
                        aria-pressed={isCollapsed}
                        className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700"
                        onClick={() =>
                          setView((latest) => ({
                            collapsed: isCollapsed
                              ? latest.collapsed.filter((c) => c !== name)
                              : [...latest.collapsed.filter((c) => c !== name), name],
                          }))
                        }
                      >
                        {isCollapsed ? "▸" : "▾"} {name}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </details>
          </Panel>
          {selected !== null ? (
            <NodeDetails
              graph={graph}
              node={selected}
              urls={urls}
              env={env}
              onSelect={onSelect}
              onFocus={(n) => setView({ focus: graph.ids[n] ?? null })}
            />
          ) : (
            <p className="text-sm text-slate-500">
              Select an asset to see its owners, failures, blast radius and root cause.
            </p>
          )}
        </div>
      </div>
    </EmbedSourceContext>
  );
}
