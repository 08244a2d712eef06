import { assetId } from "@/lib/domain/types";
import {
  type AssetStatus,
  type CheckOutcome,
  type HealthStatus,
  unknownStatus,
} from "@/lib/health/status-types";
import type { AssetStatusesQuery } from "./generated/graphql";

// Reshapes one AssetStatuses answer into domain statuses keyed by asset id.
// Units, checked against Dagster 1.13.28: Asset.latest*Timestamp are float
// epoch milliseconds (floored here, to equal the string ms of the matching
// MaterializationEvent); Run.startTime/endTime are float epoch seconds.

type CheckExecution = NonNullable<
  Extract<
    NonNullable<AssetStatusesQuery["checks"][number]["assetChecksOrError"]>,
    { __typename: "AssetChecks" }
  >["checks"][number]["executionForLatestMaterialization"]
>;

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

const secondsToMs = (s: number | null | undefined) => (s == null ? null : Math.round(s * 1000));

export function toAssetStatuses(data: AssetStatusesQuery): Map<string, AssetStatus> {
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
    get(node.assetKey.path).freshness =
      (node.freshnessStatusInfo?.freshnessStatus as HealthStatus) ?? null;
  }
  for (const node of data.checks) {
    const checks = node.assetChecksOrError;
    get(node.assetKey.path).checks =
      checks?.__typename === "AssetChecks"
        ? checks.checks.map((c) => ({
            name: c.name,
            outcome: checkOutcome(c.executionForLatestMaterialization),
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
