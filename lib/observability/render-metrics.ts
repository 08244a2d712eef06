import { Registry } from "prom-client";
import type { TeamConfig } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { HEALTH_STATES } from "@/lib/metrics/definitions";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { RANGE_MS } from "@/lib/teams/time-range";
import { dependencyLags } from "./dependency-lag";
import {
  eventsByLocation,
  LOAD_STATES,
  loadStateOf,
  locationDeployFigures,
  outageLookup,
} from "./location-figures";
import { createGauges } from "./metric-catalog";
import type { MetricsConfig } from "./metrics-config";
import { failedRunsInWindow, scopeKey, type TeamFigures } from "./team-figures";

// Renders /metrics: the snapshot's figures as gauges (rebuilt per scrape in a
// fresh registry, so a team or location that disappears leaves no stale
// series) merged with the process's own counters. No upstream request: every
// number comes from the collectors' snapshot and the deploy store.

/** The windows of windowed figures (failed runs, deploys): the team page's ranges of the same name. */
export const METRIC_WINDOWS = ["24h", "7d"] as const;

export interface MetricsInputs {
  snapshot: HealthSnapshot;
  teams: readonly Pick<TeamConfig, "slug" | "name" | "locations">[];
  metrics: MetricsConfig;
  /** Every recorded deploy event (the last successful deploy may be old). */
  deployEvents: readonly DeployEvent[];
  /** teamFigures(snapshot, teams), cached by the caller per snapshot generation. */
  figures: TeamFigures;
  now: number;
  version: string;
}

type ScopeLabel = "team" | "deployment" | "location";

export function figuresRegistry(input: MetricsInputs): Registry {
  const { snapshot, figures, now } = input;
  const r = new Registry();
  const g = createGauges(r);
  g.buildInfo.set({ version: input.version }, 1);
  for (const t of input.teams) g.teamInfo.set({ team: t.slug, name: t.name }, 1);

  const outageOf = outageLookup(snapshot.outages);
  const events = eventsByLocation(input.deployEvents);
  const windows = METRIC_WINDOWS.map((w) => ({
    w,
    failed: failedRunsInWindow(figures, now, RANGE_MS[w]),
  }));
  for (const s of figures.scopes) {
    const scope: Record<ScopeLabel, string> = {
      team: s.team,
      deployment: s.deployment,
      location: s.location,
    };
    for (const h of HEALTH_STATES)
      g.assets.set({ ...scope, health: h.toLowerCase() }, s.byHealth[h]);
    g.stale.set(scope, s.stale);
    for (const { w, failed: counts } of windows)
      g.failedRuns.set({ ...scope, window: w }, counts.get(scopeKey(s)) ?? 0);
    const state = loadStateOf(s.deployment, s.location, snapshot.locations, outageOf);
    for (const st of LOAD_STATES) g.loadState.set({ ...scope, state: st }, st === state ? 1 : 0);
    const mine = events.get(JSON.stringify([s.deployment, s.location])) ?? [];
    for (const w of METRIC_WINDOWS) {
      const d = locationDeployFigures(mine, now, RANGE_MS[w]);
      g.deploys.set({ ...scope, window: w, outcome: "succeeded" }, d.deploys - d.failed);
      g.deploys.set({ ...scope, window: w, outcome: "failed" }, d.failed);
      if (d.successRatio !== null) g.deployRatio.set({ ...scope, window: w }, d.successRatio);
    }
    const since = locationDeployFigures(mine, now, 0).secondsSinceSuccess;
    if (since !== null) g.deployAge.set(scope, since);
  }

  for (const l of dependencyLags(snapshot, input.metrics.freshnessLag, now)) {
    const labels = { asset: l.asset, deployment: l.deployment };
    g.lag.set(
      { ...labels, producer_team: l.producerTeam, consumer_team: l.consumerTeam },
      l.lagSeconds,
    );
  }
  for (const d of snapshot.deployments) {
    const parts = { locations: d.locationsAsOf, statuses: d.statusesAsOf, runs: d.runsAsOf };
    for (const [part, asOf] of Object.entries(parts))
      if (asOf !== null)
        g.collectorLag.set({ deployment: d.deployment, part }, Math.max(0, (now - asOf) / 1000));
  }
  g.snapshotAge.set(Math.max(0, (now - snapshot.builtAt) / 1000));
  return r;
}

/** The exposition text: the figures and the process's counters, in Prometheus' text format. */
export async function renderMetrics(input: MetricsInputs, counters: Registry): Promise<string> {
  return Registry.merge([figuresRegistry(input), counters]).metrics();
}

export const CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
