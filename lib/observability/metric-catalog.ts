import { Counter, Gauge, type Registry } from "prom-client";

// Every metric /metrics serves: name, help and labels in one table, so the
// renderer, the counters and docs/metrics.md (checked by a test) cannot drift.
// OpenMetrics naming: one healthboard_ prefix, base units (seconds, ratios),
// _total for counters, _info for metadata, no per-run labels.

const SCOPE = ["team", "deployment", "location"] as const;

interface Spec {
  name: string;
  help: string;
  labels: readonly string[];
}

export const GAUGES = {
  buildInfo: {
    name: "healthboard_build_info",
    help: "Healthboard's version (value 1).",
    labels: ["version"],
  },
  teamInfo: {
    name: "healthboard_team_info",
    help: "A configured team and its display name (value 1).",
    labels: ["team", "name"],
  },
  assets: {
    name: "healthboard_team_assets",
    help: "Assets a team owns in a code location, by overall health (docs/health-model.md).",
    labels: [...SCOPE, "health"],
  },
  stale: {
    name: "healthboard_team_stale_assets",
    help: "Owned assets whose freshness is WARNING or DEGRADED (docs/health-model.md, stale).",
    labels: SCOPE,
  },
  failedRuns: {
    name: "healthboard_team_failed_runs",
    help: "The team's runs with status FAILURE created in the rolling window [now - window, now).",
    labels: [...SCOPE, "window"],
  },
  loadState: {
    name: "healthboard_location_load_state",
    help: "A team's code location's load state: 1 for the current state, 0 for the others.",
    labels: [...SCOPE, "state"],
  },
  deploys: {
    name: "healthboard_location_deploys",
    help: "Deploys of the location in the rolling window, by outcome (baselines and recoveries excluded).",
    labels: [...SCOPE, "window", "outcome"],
  },
  deployRatio: {
    name: "healthboard_location_deploy_success_ratio",
    help: "Successful deploys / all deploys in the window; absent with no deploy in it.",
    labels: [...SCOPE, "window"],
  },
  deployAge: {
    name: "healthboard_location_successful_deploy_age_seconds",
    help: "Seconds since the location's last successful deploy Healthboard recorded.",
    labels: SCOPE,
  },
  lag: {
    name: "healthboard_dependency_freshness_lag_seconds",
    help: "Seconds since an opted-in asset's latest materialization, per other team consuming it.",
    labels: ["asset", "deployment", "producer_team", "consumer_team"],
  },
  collectorLag: {
    name: "healthboard_collector_lag_seconds",
    help: "Seconds since a deployment's part (locations, statuses, runs) was last fetched successfully.",
    labels: ["deployment", "part"],
  },
  snapshotAge: {
    name: "healthboard_snapshot_age_seconds",
    help: "Seconds since the shared snapshot was last rebuilt (its content last changed).",
    labels: [],
  },
} as const satisfies Record<string, Spec>;

export const COUNTERS = {
  upstreamRequests: {
    name: "healthboard_upstream_requests_total",
    help: "GraphQL requests Healthboard sent to a Dagster deployment (each attempt), by operation.",
    labels: ["deployment", "operation"],
  },
  upstreamErrors: {
    name: "healthboard_upstream_errors_total",
    help: "Upstream requests that failed, by deployment, operation and error class.",
    labels: ["deployment", "operation", "error"],
  },
  alertDeliveries: {
    name: "healthboard_alert_deliveries_total",
    help: "Alert notifications Healthboard tried to deliver, by channel and outcome.",
    labels: ["channel", "outcome"],
  },
} as const satisfies Record<string, Spec>;

type LabelsOf<S extends Spec> = S["labels"][number];

function build<T extends Record<string, Spec>, M>(
  specs: T,
  make: (spec: Spec) => M,
): { [K in keyof T]: M } {
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, make(s)])) as {
    [K in keyof T]: M;
  };
}

export type Gauges = { [K in keyof typeof GAUGES]: Gauge<LabelsOf<(typeof GAUGES)[K]>> };
export type Counters = { [K in keyof typeof COUNTERS]: Counter<LabelsOf<(typeof COUNTERS)[K]>> };

export function createGauges(registry: Registry): Gauges {
  return build(
    GAUGES,
    (s) => new Gauge({ name: s.name, help: s.help, labelNames: s.labels, registers: [registry] }),
  ) as Gauges;
}

export function createCounters(registry: Registry): Counters {
  return build(
    COUNTERS,
    (s) => new Counter({ name: s.name, help: s.help, labelNames: s.labels, registers: [registry] }),
  ) as Counters;
}
