"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type EmbedSource, EmbedSourceContext } from "@/components/embed/embed-context";
import { AssetListPanel } from "@/components/team/asset-list-panel";
import { ChartBarRuns } from "@/components/team/chart-bar-runs";
import { ChartLineDurations } from "@/components/team/chart-line-durations";
import { ComputePanel } from "@/components/team/compute-panel";
import { DataAgeBanner } from "@/components/team/data-age-banner";
import { DependenciesPanel } from "@/components/team/dependencies-panel";
import { DeploysPanel } from "@/components/team/deploys-panel";
import { ExecutionTimesPanel } from "@/components/team/execution-times-panel";
import { FailuresPanel } from "@/components/team/failures-panel";
import { FreshnessPanel } from "@/components/team/freshness-panel";
import { KpiHeader } from "@/components/team/kpi-header";
import { LatencyPanel } from "@/components/team/latency-panel";
import { LocationDownBanner } from "@/components/team/location-down-banner";
import { StoragePanel } from "@/components/team/storage-panel";
import { type TeamCharts, TeamChartsContext } from "@/components/team/team-charts";
import { ViewControls } from "@/components/team/view-controls";
import { isTeamPanel } from "@/lib/embed/embed-params";
import type { DagsterUrls } from "@/lib/links/dagster-links";
import { teamQuery } from "@/lib/queries/team";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import type { AssetList } from "@/lib/teams/team-href";

// The team page draws interactive charts; embeds keep the light static ones.
const RECHARTS: TeamCharts = { RunsChart: ChartBarRuns, DurationsChart: ChartLineDurations };

export function TeamPageClient({
  initial,
  location,
  list,
  urls,
  refreshMs,
  allLocations,
  env,
}: {
  initial: TeamPageModel;
  location?: string;
  list: AssetList;
  urls: DagsterUrls;
  refreshMs: number;
  allLocations: string[];
  /** The environment shown unless it is the default: polled and kept on every link. */
  env?: string;
}) {
  const { data = initial, dataUpdatedAt } = useQuery({
    ...teamQuery(initial.team.slug, initial.window.range, location, refreshMs, env),
    initialData: initial,
  });
  const { slug, name } = data.team;
  const range = data.window.range;
  const embeds = useMemo<EmbedSource>(
    () => ({
      targetFor: (panel) =>
        isTeamPanel(panel) ? { kind: "team", team: slug, panel, range, location, list, env } : null,
      badges: { teamName: name, locations: data.locations },
    }),
    [slug, name, range, location, list, env, data.locations],
  );
  return (
    <EmbedSourceContext value={embeds}>
      <TeamChartsContext value={RECHARTS}>
        <div className="space-y-8">
          <LocationDownBanner problems={data.locationProblems ?? []} />
          <ViewControls
            team={data.team.slug}
            range={data.window.range}
            location={location}
            locations={allLocations}
            list={list}
            env={env}
          />
          <DataAgeBanner
            freshness={data.freshnessOfData}
            staleAfterMs={3 * refreshMs}
            now={dataUpdatedAt || data.window.until}
          />
          <KpiHeader model={data} location={location} env={env} />
          <div className="grid gap-8 xl:grid-cols-2 [&>*]:min-w-0">
            <FreshnessPanel model={data} urls={urls} />
            <FailuresPanel model={data} urls={urls} />
          </div>
          <DependenciesPanel model={data} urls={urls} />
          <div className="grid gap-8 xl:grid-cols-2 [&>*]:min-w-0">
            <DeploysPanel model={data} urls={urls} />
            <ExecutionTimesPanel model={data} />
          </div>
          <ComputePanel model={data} />
          <div className="grid gap-8 xl:grid-cols-2 [&>*]:min-w-0">
            <LatencyPanel model={data} />
            <StoragePanel model={data} />
          </div>
          <AssetListPanel model={data} urls={urls} list={list} location={location} env={env} />
        </div>
      </TeamChartsContext>
    </EmbedSourceContext>
  );
}
