import type { RunStatus } from "@/lib/health/status-types";

/** A run, attributed to its code location. Times are epoch ms. */
export interface RunRecord {
  id: string;
  deployment: string;
  location: string;
  job: string;
  status: RunStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  updatedAt: number | null;
  /** Ids of the assets the run targeted (empty for op jobs). */
  assetIds: string[];
  /** Dagster's `dagster/failure_reason` tag on failed runs, e.g. STEP_FAILURE. */
  failureReason: string | null;
}

/** One materialization of an asset (epoch ms). */
export interface MaterializationRecord {
  at: number;
  runId: string;
}
