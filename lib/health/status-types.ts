// What Healthboard knows of an asset's current state, normalised from Dagster's
// wire formats (all times epoch ms). Input to the health model.

export type RunStatus =
  | "QUEUED"
  | "NOT_STARTED"
  | "MANAGED"
  | "STARTING"
  | "STARTED"
  | "SUCCESS"
  | "FAILURE"
  | "CANCELING"
  | "CANCELED"
  | "SUSPENDED";

export type CheckOutcome = "passed" | "warning" | "failed" | "not_executed";

export type HealthStatus = "HEALTHY" | "WARNING" | "DEGRADED" | "UNKNOWN" | "NOT_APPLICABLE";

export interface PlusAssetHealth {
  overall: HealthStatus;
  materialization: HealthStatus;
  freshness: HealthStatus;
  checks: HealthStatus;
}

export interface AssetStatus {
  lastMaterializedAt: number | null;
  lastMaterializationRunId: string | null;
  /** The latest observation (observable source assets report observations, not materializations). */
  lastObservedAt: number | null;
  /**
   * Observable and not materializable (an observable source asset): its
   * materialization health comes from observations (Dagster's asset_materialization_health.py).
   */
  observableSource: boolean;
  /** Dagster+ (and some OSS setups) record failed materializations as events. */
  lastFailedAt: number | null;
  latestRun: {
    id: string;
    status: RunStatus;
    startedAt: number | null;
    endedAt: number | null;
  } | null;
  inProgressRunIds: string[];
  /** The asset has a 1.11+ freshness policy (AssetNode.internalFreshnessPolicy). */
  hasFreshnessPolicy: boolean;
  /**
   * Dagster's own freshness verdict for that policy (it reports it as a health
   * status: HEALTHY = passing); null when Dagster gave none.
   */
  freshness: HealthStatus | null;
  /** null when the asset defines no checks. */
  checks: { name: string; outcome: CheckOutcome }[] | null;
  /** Only for partitioned assets. */
  partitions: { materialized: number; failed: number; total: number } | null;
  /** Dagster+'s own verdict; always null on open source. */
  plusHealth: PlusAssetHealth | null;
}

/** A status of which nothing is known yet: the start of every merge. */
export function unknownStatus(): AssetStatus {
  return {
    lastMaterializedAt: null,
    lastMaterializationRunId: null,
    lastObservedAt: null,
    observableSource: false,
    lastFailedAt: null,
    latestRun: null,
    inProgressRunIds: [],
    hasFreshnessPolicy: false,
    freshness: null,
    checks: null,
    partitions: null,
    plusHealth: null,
  };
}
