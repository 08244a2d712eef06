"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { StaleNotice } from "@/components/embed/stale-notice";
import { type CanvasHighlights, GraphCanvas } from "@/components/lineage/graph-canvas";
import { RING_STYLE } from "@/components/lineage/graph-palette";
import { impactRingKinds } from "@/components/lineage/impact-ring-kinds";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import type { GraphPayload } from "@/lib/api/graph-payload";
import { withEnv } from "@/lib/environments/env-href";
import { formatKey } from "@/lib/format";
import {
  decodeGraph,
  nodeOf,
  parseView,
  viewToSearch,
  visibleNodes,
} from "@/lib/lineage/graph-view";
import { usePolledJson } from "@/lib/queries/use-polled-json";

const NO_GROUPS: ReadonlySet<number> = new Set();

/**
 * The lineage graph around the focused asset, with its blast radius (dashed
 * ring) and root causes (double ring). Clicking an asset opens it in Healthboard.
 */
export function EmbedLineage({
  refreshMs,
  heightClass,
}: {
  refreshMs: number;
  heightClass: string;
}) {
  const search = useSearchParams();
  const view = useMemo(() => parseView(new URLSearchParams(search.toString())), [search]);
  // The environment the embed was copied from (the proxy 404s an unknown one).
  const env = search.get("env") ?? undefined;
  const { data, error } = usePolledJson<GraphPayload>(
    withEnv("/api/v1/graph", env),
    undefined,
    refreshMs,
  );
  const graph = useMemo(() => (data ? decodeGraph(data) : null), [data]);
  const focus = graph ? nodeOf(graph, view.focus) : null;
  const visible = useMemo(
    () => (graph ? visibleNodes(graph, view) : new Uint8Array()),
    [graph, view],
  );
  const highlights = useMemo<CanvasHighlights>(
    () => ({ ring: graph ? impactRingKinds(graph, focus) : new Map(), selected: focus }),
    [graph, focus],
  );
  const onSelect = useCallback(
    (node: number | null) => {
      if (node === null || !graph) return;
      const selected = graph.ids[node] ?? null;
      const href = withEnv(`/lineage${viewToSearch({ ...view, selected })}`, env);
      window.open(href, "_blank", "noopener");
    },
    [graph, view, env],
  );

  // A failed poll keeps the last good graph; only a graph never loaded is an error.
  if (!graph) {
    return error ? (
      <p role="alert">The lineage graph is unavailable: {error.message}</p>
    ) : (
      <PanelSkeleton rows={6} />
    );
  }
  const focusKey = focus !== null ? graph.payload.keys[focus] : null;
  return (
    <div className="space-y-2">
      {error ? <StaleNotice /> : null}
      <p
        className="flex justify-between text-xs text-slate-500"
        data-testid="embed-lineage-summary"
      >
        <span>
          {focusKey ? (
            <>
              Around <strong>{formatKey(focusKey)}</strong>, {view.depth} levels ·{" "}
            </>
          ) : view.focus ? (
            "Asset not found; showing everything · "
          ) : null}
          <span data-testid="shown-count">{visible.reduce((s, v) => s + v, 0)}</span> assets ·
          dashed ring: {RING_STYLE.blast.label.toLowerCase()} · double ring:{" "}
          {RING_STYLE.root.label.toLowerCase()}
        </span>
        <a href={`/lineage${viewToSearch(view)}`} className="underline">
          Open in Healthboard ↗
        </a>
      </p>
      <GraphCanvas
        graph={graph}
        visible={visible}
        collapsed={NO_GROUPS}
        highlights={highlights}
        fitKey={`${view.focus}|${view.depth}`}
        onSelect={onSelect}
        heightClass={heightClass}
      />
    </div>
  );
}
