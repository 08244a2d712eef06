import { assetId } from "@/lib/domain/types";
import {
  type AssetStatus,
  type CheckOutcome,
  type HealthStatus,
  unknownStatus,
} from "@/lib/health/status-types";
import { checkRefKey, isCompleted } from "./check-history";
import type { AssetStatusesQuery, CheckExecutionStateFragment } from "./generated/graphql";

// Reshapes one AssetStatuses answer into domain statuses keyed by asset id.
// Units, checked against Dagster 1.13.28: Asset.latest*Timestamp are float
// epoch milliseconds (floored here, to equal the string ms of the matching
// MaterializationEvent); Run.startTime/endTime are float epoch seconds.

type CheckExecution = CheckExecutionStateFragment;

/** The outcome of one execution; IN_PROGRESS, SKIPPED and none are "not_executed". */
export function checkOutcome(execution: CheckExecution | null | undefined): CheckOutcome {
  if (!execution) return "not_executed";
  switch (execution.status) {
    case "SUCCEEDED":
      return "passed";
    case "FAILED":
      return execution.evaluation?.severity === "WARN" ? "warning" : "failed";
    case "EXECUTION_FAILED":
      return "failed";
    default:
      return "not_executed"; // IN_PROGRESS, SKIPPED
  }
}

/**
 * A check's state: its latest completed execution (Dagster's
 * asset_check_health.py). The execution for the latest materialization is the
 * check's latest execution when there is one; when it is missing, in progress
 * or skipped, the newest completed execution in its history speaks instead, so
 * a skipped or running check does not erase an earlier failure.
 */
export function checkState(
  forLatestMaterialization: CheckExecution | null | undefined,
  history: readonly CheckExecution[] | undefined,
): CheckOutcome {
  if (isCompleted(forLatestMaterialization)) return checkOutcome(forLatestMaterialization);
  return checkOutcome(history?.find(isCompleted));
}

const secondsToMs = (s: number | null | undefined) => (s == null ? null : Math.round(s * 1000));

/**
 * @param checkHistory recent executions of the checks that checksNeedingHistory
 *   named (lib/dagster/check-history.ts), keyed by checkRefKey.
 */
export function toAssetStatuses(
  data: AssetStatusesQuery,
  checkHistory: ReadonlyMap<string, readonly CheckExecution[]> = new Map(),
): Map<string, AssetStatus> {
  const out = new Map<string, AssetStatus>();
  const get = (path: string[]): AssetStatus => {
    const id = assetId(path);
    let status = out.get(id);
    if (!status) {
      status = unknownStatus();
      out.set(id, status);
    }
    return status;
  };

  if (data.assetsOrError.__typename === "AssetConnection") {
    for (const node of data.assetsOrError.nodes) {
      const s = get(node.key.path);
      s.lastMaterializedAt =
        node.latestMaterializationTimestamp == null
          ? null
          : Math.floor(node.latestMaterializationTimestamp);
      s.lastFailedAt =
        node.latestFailedToMaterializeTimestamp == null
          ? null
          : Math.floor(node.latestFailedToMaterializeTimestamp);
      const h = node.assetHealth;
      s.plusHealth = h
        ? {
            overall: h.assetHealth as HealthStatus,
            materialization: h.materializationStatus as HealthStatus,
            freshness: h.freshnessStatus as HealthStatus,
            checks: h.assetChecksStatus as HealthStatus,
          }
        : null;
    }
  }
  for (const info of data.assetsLatestInfo) {
    const s = get(info.assetKey.path);
    s.lastMaterializationRunId = info.latestMaterialization?.runId ?? null;
    s.inProgressRunIds = info.inProgressRunIds;
    s.latestRun = info.latestRun
      ? {
          id: info.latestRun.runId,
          status: info.latestRun.status,
          startedAt: secondsToMs(info.latestRun.startTime),
          endedAt: secondsToMs(info.latestRun.endTime),
        }
      : null;
  }
  for (const node of data.freshness) {
    const s = get(node.assetKey.path);
    s.hasFreshnessPolicy = node.internalFreshnessPolicy != null;
    s.freshness = (node.freshnessStatusInfo?.freshnessStatus as HealthStatus) ?? null;
  }
  for (const node of data.observable) {
    const s = get(node.assetKey.path);
    s.observableSource = node.isObservable && !node.isMaterializable;
    // ObservationEvent.timestamp is a string of epoch ms.
    const observed = node.assetObservations[0]?.timestamp;
    s.lastObservedAt = observed === undefined ? null : Number(observed);
  }
  for (const node of data.checks) {
    const checks = node.assetChecksOrError;
    const path = node.assetKey.path;
    get(path).checks =
      checks?.__typename === "AssetChecks"
        ? checks.checks.map((c) => ({
            name: c.name,
            outcome: checkState(
              c.executionForLatestMaterialization,
              checkHistory.get(checkRefKey(path, c.name)),
            ),
          }))
        : null;
  }
  for (const node of data.partitions) {
    const p = node.partitionStats;
    get(node.assetKey.path).partitions = p
      ? { materialized: p.numMaterialized, failed: p.numFailed, total: p.numPartitions }
      : null;
  }
  return out;
}
