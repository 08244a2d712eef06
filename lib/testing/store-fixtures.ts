import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { KpiScopeSample } from "@/lib/history/kpi-sampling";

/** A deploy of prod/ml at version 1.0, for store tests (SQLite and PostgreSQL alike). */
export const deployEvent = (over: Partial<DeployEvent>): DeployEvent => ({
  deployment: "prod",
  location: "ml",
  kind: "deploy",
  versionKey: "v1",
  fingerprint: "f1",
  version: "1.0",
  failed: false,
  error: null,
  at: 100,
  ...over,
});

/** Team `ml`'s KPI sample over a live prod and an unreachable edge. */
export const kpiSample = (at: number, extra: Partial<KpiScopeSample> = {}): KpiScopeSample => ({
  team: "ml",
  at,
  deployments: [
    { deployment: "edge", live: false },
    { deployment: "prod", live: true },
  ],
  rows: [
    { deployment: "edge", location: "ml", owned: 1, healthy: 0, stale: 0, degraded: 1 },
    { deployment: "prod", location: "ml", owned: 3, healthy: 2, stale: 1, degraded: 0 },
  ],
  ...extra,
});
