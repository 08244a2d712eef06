import type { TeamConfig } from "@/lib/config/config-schema";
import { deployStats } from "@/lib/deploys/deploy-stats";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { locationVersions } from "@/lib/deploys/location-versions";
import type { AssetHealth } from "@/lib/health/health-model";
import { countsForScope, type KpiScopeSample } from "@/lib/history/kpi-sampling";
import { isFailedRun, isHealthy } from "@/lib/metrics/definitions";
import type { StorageConfig } from "@/lib/performance/storage-config";
import { type TeamPerformance, teamPerformance } from "@/lib/performance/team-performance";
import type { DeploymentInsights } from "@/lib/performance/to-insights";
import {
  type LocationOutage,
  type OutageKind,
  outageLookup,
} from "@/lib/snapshot/location-outages";
import {
  type DeploymentFreshness,
  definitionKey,
  type HealthSnapshot,
} from "@/lib/snapshot/snapshot-types";
import { teamLocationProblems } from "@/lib/snapshot/team-location-problems";
import { type DependencyReport, dependencyReport } from "./dependency-report";
import { deployReport, type LocationDeploys } from "./deploy-report";
import { type DurationPoint, executionTimes } from "./execution-times";
import { type FailureReport, failureReport } from "./failure-report";
import { type FreshnessReport, freshnessReport } from "./freshness-report";
import {
  isDegraded,
  isStale,
  teamAssets,
  teamConfigLocations,
  teamDefinitions,
} from "./team-assets";
import { teamRuns } from "./team-runs";
import { type RangeKey, type TimeWindow, timeWindow } from "./time-range";

// Everything a team page shows, computed from the shared snapshot, the deploy
// history and KPI samples. Pure: the route hands it its inputs.

export interface Kpis {
  owned: number;
  healthyPct: number | null;
  stale: number;
  degraded: number;
  failures: number;
  deploySuccessRate: number | null;
}

export interface TeamAssetRow {
  id: string;
  key: string[];
  deployment: string;
  location: string;
  group: string | null;
  health: AssetHealth["overall"];
  materialization: string;
  freshness: string;
  checks: string;
  stale: boolean;
  degraded: boolean;
  lastMaterializedAt: number | null;
  /** Shown from last known data: its location fails to load or its deployment is unreachable. */
  locationDown: OutageKind | null;
}

export interface TeamPageModel {
  team: { slug: string; name: string };
  window: TimeWindow;
  generation: string;
  freshnessOfData: DeploymentFreshness[];
  /** The team's locations that fail to load or whose deployment is unreachable (the banner). */
  locationProblems: LocationOutage[];
  kpis: Kpis;
  previous: { [K in keyof Kpis]: Kpis[K] | null };
  assets: TeamAssetRow[];
  locations: { deployment: string; location: string }[];
  /** Every code location of the team, whatever the location filter. */
  allLocations: string[];
  freshness: FreshnessReport;
  failures: FailureReport;
  deploys: LocationDeploys[];
  dependencies: DependencyReport;
  executionTimes: DurationPoint[];
  /** Compute, latency and storage (lib/performance). */
  performance: TeamPerformance;
}

export interface TeamPageInputs {
  snapshot: HealthSnapshot;
  team: TeamConfig;
  range: RangeKey;
  location?: string;
  now: number;
  deployEvents: readonly DeployEvent[];
  /** The team's KPI sample nearest the window's start (one range ago), if any. */
  previousSample: KpiScopeSample | null;
  runsWindowMs: number;
  /** Size keys and quotas (config `storage:`); none when absent. */
  storage?: StorageConfig;
  /** Dagster+ Insights where read (Compute panel); none for open source. */
  insights?: readonly DeploymentInsights[];
}

/** The window with `dataFrom` moved past any truncated history among the team's assets. */
function historyWindow(w: TimeWindow, partialFrom: readonly (number | undefined)[]): TimeWindow {
  const from = Math.max(w.dataFrom, ...partialFrom.filter((t) => t !== undefined));
  return from === w.dataFrom ? w : { ...w, dataFrom: Math.min(from, w.until) };
}

export function buildTeamPage(input: TeamPageInputs): TeamPageModel {
  const { snapshot, team, now } = input;
  const assets = teamAssets(snapshot, team.slug, input.location);
  // Runs and histories are per deployment: a merged asset's in each of its group's.
  const definitions = teamDefinitions(assets, input.location);
  // Trend time before the history holds data is "no data": before the runs
  // window, or before a team asset's truncated materialization history.
  const window = historyWindow(
    timeWindow(input.range, now, input.runsWindowMs),
    definitions.map((d) =>
      snapshot.materializationsPartialFrom.get(definitionKey(d.deployment, d.id)),
    ),
  );
  const ids = new Set(assets.map((a) => a.node.id));

  // The config's locations of this environment only (nor wider than its KPI
  // samples), and every deployment of a merged asset's group: its runs count
  // here, so its outages and deploys do.
  const configLocations = teamConfigLocations(snapshot, team);
  const locationSet = new Map<string, { deployment: string; location: string }>();
  const addLocation = ({ deployment, location }: { deployment: string; location: string }) =>
    locationSet.set(`${deployment}/${location}`, { deployment, location });
  configLocations.forEach(addLocation);
  definitions.forEach(addLocation);
  // The filter narrows the assets; the team's other locations stay choosable.
  if (input.location) teamDefinitions(teamAssets(snapshot, team.slug)).forEach(addLocation);
  const allLocations = [...new Set([...locationSet.values()].map((l) => l.location))].sort();
  const locations = [...locationSet.values()].filter(
    (l) => !input.location || l.location === input.location,
  );
  const inTeamLocation = (deployment: string, location: string) =>
    locationSet.has(`${deployment}/${location}`) &&
    (!input.location || location === input.location);

  const runs = teamRuns(snapshot.runs, {
    assets: definitions,
    configLocations,
    location: input.location,
  });
  const historyOf = (a: { deployment: string; id: string }) =>
    snapshot.materializations.get(definitionKey(a.deployment, a.id)) ?? [];
  const failures = failureReport(runs, definitions, historyOf, window);
  const deploys = deployReport(locations, snapshot.locations, input.deployEvents, window, (at) =>
    locationVersions(at, {
      snapshot,
      events: input.deployEvents,
      annotations: [],
      now,
      dataFrom: now - input.runsWindowMs,
    }).versions.flatMap((v) => (v.impact ? [v.impact] : [])),
  );
  const healthy = assets.filter((a) => isHealthy(a.health)).length;
  const teamDeploys = input.deployEvents.filter((e) => inTeamLocation(e.deployment, e.location));
  const kpis: Kpis = {
    owned: assets.length,
    healthyPct: assets.length ? healthy / assets.length : null,
    stale: assets.filter(isStale).length,
    degraded: assets.filter(isDegraded).length,
    failures: failures.totals.runsFailed,
    deploySuccessRate: deployStats(teamDeploys, window.since, window.until).successRate,
  };

  // The previous period: same length, just before this one. State KPIs come
  // from the sample at its end, summed over the same scope as this view (its
  // deployments and location filter), or null when the sample did not cover it.
  const prevSince = window.previousSince;
  const runsCover = prevSince >= now - input.runsWindowMs;
  const prev = countsForScope(input.previousSample, {
    deployments: [...new Set(locations.map((l) => l.deployment))],
    location: input.location,
  });
  const previous = {
    owned: prev?.owned ?? null,
    healthyPct: prev?.owned ? prev.healthy / prev.owned : null,
    stale: prev?.stale ?? null,
    degraded: prev?.degraded ?? null,
    failures: runsCover
      ? runs.filter((r) => isFailedRun(r) && r.createdAt >= prevSince && r.createdAt < window.since)
          .length
      : null,
    deploySuccessRate: deployStats(teamDeploys, prevSince, window.since).successRate,
  };

  const deployments = new Set(locations.map((l) => l.deployment));
  const outageOf = outageLookup(snapshot.outages);
  return {
    team: { slug: team.slug, name: team.name },
    window,
    generation: snapshot.generation,
    freshnessOfData: snapshot.deployments.filter((d) => deployments.has(d.deployment)),
    locationProblems: teamLocationProblems(snapshot, team, input.location),
    kpis,
    previous,
    assets: assets.map((a) => ({
      id: a.node.id,
      key: a.node.key,
      deployment: a.def.deployment,
      location: a.def.location,
      group: a.def.group,
      health: a.health.overall,
      materialization: a.health.materialization,
      freshness: a.health.freshness,
      checks: a.health.checks,
      stale: isStale(a),
      degraded: isDegraded(a),
      lastMaterializedAt: a.status?.lastMaterializedAt ?? null,
      locationDown: outageOf(a.def.deployment, a.def.location)?.kind ?? null,
    })),
    locations,
    allLocations,
    freshness: freshnessReport(
      assets,
      team.slug,
      snapshot.graph,
      (a) => snapshot.materializations.get(definitionKey(a.def.deployment, a.node.id)) ?? [],
      window,
    ),
    failures,
    deploys,
    dependencies: dependencyReport(snapshot.graph, snapshot.health, ids, team.slug),
    executionTimes: executionTimes(runs, window),
    performance: teamPerformance({
      snapshot,
      assets,
      runs,
      window,
      storage: input.storage ?? { sizeKeys: [], quotas: [] },
      insights: input.insights,
    }),
  };
}
