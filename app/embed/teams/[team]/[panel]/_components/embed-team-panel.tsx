"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import { StaleNotice } from "@/components/embed/stale-notice";
import { DataAgeBanner } from "@/components/team/data-age-banner";
import type { EmbedInitialModel } from "@/lib/embed/embed-initial-model";
import type { TeamPanelId } from "@/lib/embed/embed-params";
import type { DagsterUrls } from "@/lib/links/dagster-links";
import { teamApiUrl } from "@/lib/queries/team";
import { usePolledJson } from "@/lib/queries/use-polled-json";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import { type AssetList, teamHref } from "@/lib/teams/team-href";

interface PanelProps {
  model: TeamPageModel;
  urls: DagsterUrls;
  list: AssetList;
  location?: string;
  /** The environment shown, unless it is the default: polled and kept on links. */
  env?: string;
}

// One chunk per panel, so an embed loads only its own panel's code.
const PANELS: Record<TeamPanelId, ComponentType<PanelProps>> = {
  kpis: dynamic(() => import("@/components/team/kpi-header").then((m) => m.KpiHeader)),
  freshness: dynamic(() =>
    import("@/components/team/freshness-panel").then((m) => m.FreshnessPanel),
  ),
  failures: dynamic(() => import("@/components/team/failures-panel").then((m) => m.FailuresPanel)),
  dependencies: dynamic(() =>
    import("@/components/team/dependencies-panel").then((m) => m.DependenciesPanel),
  ),
  deploys: dynamic(() => import("@/components/team/deploys-panel").then((m) => m.DeploysPanel)),
  "execution-times": dynamic(() =>
    import("@/components/team/execution-times-panel").then((m) => m.ExecutionTimesPanel),
  ),
  compute: dynamic(() => import("@/components/team/compute-panel").then((m) => m.ComputePanel)),
  latency: dynamic(() => import("@/components/team/latency-panel").then((m) => m.LatencyPanel)),
  storage: dynamic(() => import("@/components/team/storage-panel").then((m) => m.StoragePanel)),
  assets: dynamic(() => import("@/components/team/asset-list-panel").then((m) => m.AssetListPanel)),
};

/** A team panel that keeps itself current from the same API the team page polls. */
export function EmbedTeamPanel({
  panel,
  initial,
  location,
  list,
  urls,
  refreshMs,
  env,
}: Omit<PanelProps, "model"> & {
  panel: TeamPanelId;
  initial: EmbedInitialModel;
  refreshMs: number;
}) {
  const {
    data = initial,
    updatedAt,
    error,
  } = usePolledJson<EmbedInitialModel>(
    teamApiUrl(initial.team.slug, initial.window.range, location, env),
    initial,
    refreshMs,
  );
  const Selected = PANELS[panel];
  return (
    <div className="space-y-3">
      {error ? <StaleNotice since={updatedAt || data.window.until} /> : null}
      <DataAgeBanner
        freshness={data.freshnessOfData}
        staleAfterMs={3 * refreshMs}
        now={updatedAt || data.window.until}
      />
      {/* The first data holds only the parts this panel draws (embedInitialModel); polls bring the whole model. */}
      <Selected
        model={data as TeamPageModel}
        urls={urls}
        list={list}
        location={location}
        env={env}
      />
      <p className="text-right text-xs text-slate-500">
        <a
          href={teamHref(data.team.slug, { range: data.window.range, location, env }, panel)}
          className="underline"
        >
          {data.team.name} in Healthboard ↗
        </a>
      </p>
    </div>
  );
}
