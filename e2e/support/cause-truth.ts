import { DAGSTER_URL, dagsterQuery } from "./dagster";
import { latestCompleted } from "./health-truth";

// Why an asset is unhealthy, read from Dagster's GraphQL API directly (the run's
// own event log, the checks' executions): nothing is imported from Healthboard.

export interface StepErrorTruth {
  runId: string;
  stepKey: string;
  /** The user's exception: the last link of Dagster's error chain. */
  className: string;
  /** The message's first non-empty line, e.g. "RuntimeError: CUDA out of memory …". */
  firstLine: string;
}

interface PyError {
  className: string | null;
  message: string;
  errorChain: { error: { className: string | null; message: string } }[];
}

/** The error of the asset's own failed step in its latest run; null when that run did not fail. */
export async function latestStepError(path: string[]): Promise<StepErrorTruth | null> {
  const latest = await dagsterQuery<{
    assetsLatestInfo: { latestRun: { runId: string; status: string } | null }[];
  }>(
    `query L($keys: [AssetKeyInput!]!) { assetsLatestInfo(assetKeys: $keys) { latestRun { runId status } } }`,
    { keys: [{ path }] },
  );
  const run = latest.assetsLatestInfo[0]?.latestRun;
  if (run?.status !== "FAILURE") return null;
  const logs = await dagsterQuery<{
    logsForRun: { events?: { __typename: string; stepKey?: string | null; error?: PyError }[] };
  }>(
    `query R($runId: ID!) {
      logsForRun(runId: $runId, limit: 5000) {
        ... on EventConnection {
          events {
            __typename
            ... on ExecutionStepFailureEvent {
              stepKey
              error { className message errorChain { error { className message } } }
            }
          }
        }
      }
    }`,
    { runId: run.runId },
  );
  // The demo's assets are single-asset ops: the step key is the key's last part.
  const step = path.at(-1);
  const failure = (logs.logsForRun.events ?? []).find(
    (e) => e.__typename === "ExecutionStepFailureEvent" && e.stepKey === step && e.error,
  );
  if (!failure?.error) return null;
  const inner = failure.error.errorChain.at(-1)?.error ?? failure.error;
  const firstLine = inner.message.split("\n").find((l) => l.trim() !== "") ?? "";
  return {
    runId: run.runId,
    stepKey: step as string,
    className: inner.className ?? "",
    firstLine: firstLine.trim(),
  };
}

/** The asset's checks whose latest completed execution failed, with Dagster's severity. */
export async function failedChecks(path: string[]): Promise<{ name: string; severity: string }[]> {
  const data = await dagsterQuery<{
    assetNodes: { assetChecksOrError: { checks?: { name: string }[] } }[];
  }>(
    `query K($keys: [AssetKeyInput!]!) {
      assetNodes(assetKeys: $keys) { assetChecksOrError { ... on AssetChecks { checks { name } } } }
    }`,
    { keys: [{ path }] },
  );
  const names = (data.assetNodes[0]?.assetChecksOrError.checks ?? []).map((c) => c.name);
  const out: { name: string; severity: string }[] = [];
  for (const name of names) {
    const e = await latestCompleted(DAGSTER_URL, path, name);
    if (e?.status === "FAILED") out.push({ name, severity: e.evaluation?.severity ?? "ERROR" });
    if (e?.status === "EXECUTION_FAILED") out.push({ name, severity: "ERROR" });
  }
  return out;
}
