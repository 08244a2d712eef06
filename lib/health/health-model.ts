import { isFailedRun, SEVERITY } from "@/lib/metrics/definitions";
import type { AssetStatus, HealthStatus } from "./status-types";

/** Re-exported: the severity order lives in lib/metrics/definitions.ts. */
export { SEVERITY };

// The unified health model, following Dagster+'s asset health semantics
// (dagster/_core/definitions/asset_health in Dagster 1.13): three components,
// and an overall status that is the most severe of them. On open source the
// components are computed here; when Dagster+ supplies assetHealth, it wins.
// docs/health-model.md explains each rule with examples.

export interface AssetHealth {
  overall: Exclude<HealthStatus, "NOT_APPLICABLE">;
  materialization: HealthStatus;
  freshness: HealthStatus;
  checks: HealthStatus;
  source: "dagster-plus" | "computed";
}

/**
 * Dagster's get_materialization_status_and_metadata
 * (dagster/_core/definitions/asset_health/asset_materialization_health.py).
 */
export function materializationHealth(status: AssetStatus): HealthStatus {
  // An observable source asset is never materialized: it is HEALTHY once observed.
  if (status.observableSource) return status.lastObservedAt === null ? "UNKNOWN" : "HEALTHY";
  const { partitions } = status;
  if (partitions) {
    if (partitions.failed === 0 && partitions.materialized === 0) return "UNKNOWN";
    return partitions.failed > 0 ? "DEGRADED" : "HEALTHY";
  }
  const last = status.lastMaterializedAt ?? Number.NEGATIVE_INFINITY;
  // Failure events, where Dagster records them.
  if (status.lastFailedAt !== null && status.lastFailedAt > last) return "DEGRADED";
  // Open source records no failure event for a failed step: the latest run that
  // planned this asset failed, and it did not produce the latest materialization.
  // FAILURE only: Dagster's run_record.dagster_run.is_failure excludes CANCELED.
  const run = status.latestRun;
  if (run && isFailedRun(run) && run.id !== status.lastMaterializationRunId) {
    const runTime = run.endedAt ?? run.startedAt ?? Number.POSITIVE_INFINITY;
    if (runTime >= last) return "DEGRADED";
  }
  return status.lastMaterializedAt === null ? "UNKNOWN" : "HEALTHY";
}

/**
 * Dagster's get_freshness_status_and_metadata (asset_freshness_health.py):
 * NOT_APPLICABLE only without a policy; a policy not evaluated yet is UNKNOWN.
 */
export function freshnessHealth(status: AssetStatus): HealthStatus {
  if (!status.hasFreshnessPolicy) return "NOT_APPLICABLE";
  return status.freshness ?? "UNKNOWN";
}

export function checksHealth(status: AssetStatus): HealthStatus {
  const checks = status.checks;
  if (!checks || checks.length === 0) return "NOT_APPLICABLE";
  if (checks.some((c) => c.outcome === "failed")) return "DEGRADED";
  if (checks.some((c) => c.outcome === "warning")) return "WARNING";
  if (checks.some((c) => c.outcome === "not_executed")) return "UNKNOWN";
  return "HEALTHY";
}

/** Dagster's overall_status_from_component_statuses, rule for rule. */
export function overallHealth(
  materialization: HealthStatus,
  checks: HealthStatus,
  freshness: HealthStatus,
): AssetHealth["overall"] {
  const all = [materialization, checks, freshness];
  if (all.includes("DEGRADED")) return "DEGRADED";
  if (all.includes("WARNING")) return "WARNING";
  // A never-materialized asset is UNKNOWN however its checks or freshness look.
  if (materialization === "UNKNOWN") return "UNKNOWN";
  if (all.every((s) => s === "UNKNOWN" || s === "NOT_APPLICABLE")) return "UNKNOWN";
  return "HEALTHY";
}

export function assetHealth(status: AssetStatus | undefined): AssetHealth {
  if (!status) {
    return {
      overall: "UNKNOWN",
      materialization: "UNKNOWN",
      freshness: "UNKNOWN",
      checks: "UNKNOWN",
      source: "computed",
    };
  }
  if (status.plusHealth) {
    const p = status.plusHealth;
    return {
      overall: p.overall === "NOT_APPLICABLE" ? "UNKNOWN" : p.overall,
      materialization: p.materialization,
      freshness: p.freshness,
      checks: p.checks,
      source: "dagster-plus",
    };
  }
  const materialization = materializationHealth(status);
  const freshness = freshnessHealth(status);
  const checks = checksHealth(status);
  return {
    overall: overallHealth(materialization, checks, freshness),
    materialization,
    freshness,
    checks,
    source: "computed",
  };
}
