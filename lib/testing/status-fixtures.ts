import { type AssetStatus, blankAssetStatus } from "@/lib/health/status-types";

/**
 * A status for unit tests: materialized at t=1000 by run r1, which succeeded;
 * no policy, no checks, not partitioned. Override what a test is about.
 */
export function assetStatus(extra: Partial<AssetStatus> = {}): AssetStatus {
  return {
    ...blankAssetStatus(),
    lastMaterializedAt: 1_000,
    lastMaterializationRunId: "r1",
    latestRun: { id: "r1", status: "SUCCESS", startedAt: 900, endedAt: 1_100 },
    ...extra,
  };
}
