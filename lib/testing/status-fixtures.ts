import type { FreshnessPolicy } from "@/lib/domain/types";
import { type AssetStatus, unknownStatus } from "@/lib/health/status-types";

export const HOUR = 3_600_000;
/** A fixed "now" for tests (2027-01-15). */
export const TEST_NOW = 1_800_000_000_000;
/** A time-window freshness policy: fail after 6 h, warn after 3 h. */
export const SIX_HOUR_POLICY: FreshnessPolicy = {
  kind: "time-window",
  failWindowSeconds: 6 * 3600,
  warnWindowSeconds: 3 * 3600,
};

/**
 * A status for unit tests: materialized at t=1000 by run r1, which succeeded;
 * no policy, no checks, not partitioned. Override what a test is about.
 */
export function assetStatus(extra: Partial<AssetStatus> = {}): AssetStatus {
  return {
    ...unknownStatus(),
    lastMaterializedAt: 1_000,
    lastMaterializationRunId: "r1",
    latestRun: { id: "r1", status: "SUCCESS", startedAt: 900, endedAt: 1_100 },
    ...extra,
  };
}
