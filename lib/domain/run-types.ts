import type { RunStatus } from "@/lib/health/status-types";

/** The failing step's error of a failed run: Dagster's exception class and the message's first lines. */
export interface RunError {
  className: string | null;
  /** The message's first lines: enough to name the problem. */
  message: string;
  /**
   * The whole message (traceback included), bounded to MAX_ERROR_CHARS, when it
   * says more than `message`; shown on demand. Absent in records read before it existed.
   */
  full?: string;
  /** The failed step, or null when the run failed outside a step (launch, resources, termination). */
  stepKey: string | null;
}

/**
 * What a failed run did, read from its own events (finished runs never change,
 * so it is read once per run id): the assets it planned (ASSET_MATERIALIZATION_PLANNED),
 * materialized, and failed to materialize (planned by a step that failed).
 */
export interface RunOutcome {
  plannedAssetIds: string[];
  materializedAssetIds: string[];
  failedAssetIds: string[];
  error: RunError | null;
}

/** One step of a run as Dagster's step stats state it (epoch ms; null: not started or not ended). */
export interface StepTiming {
  key: string;
  status: string | null;
  startedAt: number | null;
  endedAt: number | null;
}

/** What every run says of itself in Dagster's run list. Times are epoch ms. */
interface RunBase {
  id: string;
  deployment: string;
  location: string;
  job: string;
  status: RunStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  updatedAt: number | null;
  /** Dagster's `dagster/failure_reason` tag on failed runs, e.g. STEP_FAILURE. */
  failureReason: string | null;
  /** Its steps' timings (compute figures); absent in records read before they were fetched. */
  steps?: StepTiming[];
}

/** A run as Dagster's run list states it, before it is attributed to assets. */
export interface RunFacts extends RunBase {
  /** Asset keys (ids) the run was launched for; null for runs launched from a job. */
  assetSelection: string[] | null;
  /** The steps a run executes when it runs a subset of its job; null for the whole job. */
  stepKeysToExecute: string[] | null;
}

/** A run, attributed to its code location and to the assets it planned and did. */
export interface RunRecord extends RunBase {
  /**
   * Assets the run planned to materialize: from a failed run's own events;
   * otherwise its asset selection, or its job's assets narrowed to the steps it
   * executed. Empty for op jobs.
   */
  plannedAssetIds: string[];
  /** Assets it materialized, from its events; null when not read (runs that did not fail). */
  materializedAssetIds: string[] | null;
  /** Assets whose step failed in this run (empty unless the run failed). */
  failedAssetIds: string[];
  /** The failing step's error, for failed runs whose events were read. */
  error: RunError | null;
}

/** True when the run planned or failed the asset: the runs that count for an asset and its team. */
export const runTouches = (run: RunRecord, id: string): boolean =>
  run.plannedAssetIds.includes(id) || run.failedAssetIds.includes(id);

/** One materialization of an asset (epoch ms). */
export interface MaterializationRecord {
  at: number;
  runId: string;
  /** Dagster's `dagster/data_version` tag, when the run recorded data versions. */
  dataVersion?: string;
  /** Per upstream asset id: the data version this materialization consumed (`dagster/input_data_version/<key>`). */
  inputVersions?: Record<string, string>;
  /** `dagster/row_count`, when recorded. */
  rowCount?: number;
  /** Bytes written: the first configured size key recorded (storage figures). */
  bytes?: number;
}
