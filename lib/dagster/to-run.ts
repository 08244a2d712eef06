import type { RunError, RunFacts, RunOutcome } from "@/lib/domain/run-types";
import { assetId } from "@/lib/domain/types";
import type {
  RunEventErrorFragment,
  RunEventsQuery,
  RunsForLocationQuery,
} from "./generated/graphql";

// Runs at the boundary: a run-list row becomes RunFacts, a failed run's events
// become its RunOutcome. Dagster's run times are float epoch seconds.

type RunRow = Extract<
  RunsForLocationQuery["runsOrError"],
  { __typename: "Runs" }
>["results"][number];
export type RunEvent = Extract<
  RunEventsQuery["logsForRun"],
  { __typename: "EventConnection" }
>["events"][number];

const toMs = (s: number | null | undefined) => (s == null ? null : Math.round(s * 1000));

export function toRunFacts(deployment: string, location: string, r: RunRow): RunFacts {
  return {
    id: r.runId,
    deployment,
    location,
    job: r.jobName,
    status: r.status,
    createdAt: Math.round(r.creationTime * 1000),
    startedAt: toMs(r.startTime),
    endedAt: toMs(r.endTime),
    updatedAt: toMs(r.updateTime),
    assetSelection: r.assetSelection ? r.assetSelection.map((k) => assetId(k.path)) : null,
    stepKeysToExecute: r.stepKeysToExecute ?? null,
    failureReason: r.tags.find((t) => t.key === "dagster/failure_reason")?.value ?? null,
    steps: r.stepStats.map((s) => ({
      key: s.stepKey,
      status: s.status ?? null,
      startedAt: toMs(s.startTime),
      endedAt: toMs(s.endTime),
    })),
  };
}

/** Lines of an error message kept for display: enough to name the problem, never a whole traceback. */
export const ERROR_LINES = 3;

export function firstLines(message: string, lines = ERROR_LINES): string {
  return message
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .slice(0, lines)
    .join("\n");
}

/** Longest full message kept per error: a traceback's useful part, never megabytes of logs. */
export const MAX_ERROR_CHARS = 4_000;

/** The message cut to MAX_ERROR_CHARS, saying so when cut. */
export function boundedMessage(message: string, max = MAX_ERROR_CHARS): string {
  const trimmed = message.trimEnd();
  return trimmed.length <= max
    ? trimmed
    : `${trimmed.slice(0, max)}\n… (${trimmed.length - max} more characters in Dagster)`;
}

/** The innermost error of the chain (the user's exception), else the error itself. */
function toError(
  error: RunEventErrorFragment | null | undefined,
  stepKey: string | null,
  fallback?: string,
): RunError | null {
  const inner = error?.errorChain.at(-1)?.error ?? error;
  const message = inner?.message ?? fallback;
  if (message === undefined) return null;
  const first = firstLines(message);
  return {
    className: inner?.className ?? null,
    message: first,
    stepKey,
    ...(firstLines(message, Number.POSITIVE_INFINITY) !== first
      ? { full: boundedMessage(message) }
      : {}),
  };
}

/**
 * What a failed run planned, materialized and failed, from its events. An asset
 * failed when the step that planned it failed and it was not materialized, or
 * when Dagster recorded a FAILED failed-to-materialize event for it (assets
 * skipped because something upstream failed are not counted as failed). The
 * error is the first failed step's, else the run failure's own.
 */
export function toRunOutcome(events: readonly RunEvent[]): RunOutcome {
  const planned = new Map<string, string | null>(); // asset id -> step key
  const materialized = new Set<string>();
  const failed = new Set<string>();
  const failedSteps = new Set<string>();
  let stepError: RunError | null = null;
  let runError: RunError | null = null;
  for (const e of events) {
    switch (e.__typename) {
      case "AssetMaterializationPlannedEvent":
        if (e.assetKey) planned.set(assetId(e.assetKey.path), e.stepKey ?? null);
        break;
      case "MaterializationEvent":
        if (e.assetKey) materialized.add(assetId(e.assetKey.path));
        break;
      case "FailedToMaterializeEvent":
        if (e.assetKey && e.materializationFailureType === "FAILED")
          failed.add(assetId(e.assetKey.path));
        break;
      case "ExecutionStepFailureEvent":
        if (e.stepKey) failedSteps.add(e.stepKey);
        stepError ??= toError(e.error, e.stepKey ?? null, "step failed");
        break;
      case "RunFailureEvent":
        runError ??= toError(e.error, null, e.message);
        break;
    }
  }
  for (const [id, step] of planned) {
    if (step !== null && failedSteps.has(step) && !materialized.has(id)) failed.add(id);
  }
  for (const id of materialized) failed.delete(id);
  return {
    plannedAssetIds: [...planned.keys()],
    materializedAssetIds: [...materialized],
    failedAssetIds: [...failed],
    error: stepError ?? runError,
  };
}
