import { DAGSTER_URL, dagsterQuery } from "./dagster";
import { latestCompleted } from "./health-truth";

// Why an asset is unhealthy, read from Dagster's GraphQL API directly (the run's
// own event log, the checks' executions): nothing is imported from Healthboard.

export interface StepErrorTruth {
  runId: string;
  /** When the run ended (epoch ms). */
  endedAt: number;
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

/**
 * The newest failed run (by start time) in which the asset's own step failed,
 * with that step's error. Run order by start time, not by Dagster's storage id:
 * a seeded history may insert older runs after newer ones.
 */
export async function latestStepError(path: string[]): Promise<StepErrorTruth | null> {
  const runs = await dagsterQuery<{
    runsOrError: {
      results?: { runId: string; startTime: number | null; endTime: number | null }[];
    };
  }>(
    `query F { runsOrError(filter: { statuses: [FAILURE] }, limit: 100) { ... on Runs { results { runId startTime endTime } } } }`,
  );
  const newestFirst = [...(runs.runsOrError.results ?? [])].sort(
    (a, b) => (b.startTime ?? 0) - (a.startTime ?? 0),
  );
  // The demo's assets are single-asset ops: the step key is the key's last part.
  const step = path.at(-1) as string;
  for (const run of newestFirst) {
    const error = await stepError(run.runId, step);
    if (error) {
      const inner = error.errorChain.at(-1)?.error ?? error;
      const firstLine = inner.message.split("\n").find((l) => l.trim() !== "") ?? "";
      return {
        runId: run.runId,
        endedAt: (run.endTime ?? run.startTime ?? 0) * 1000,
        stepKey: step,
        className: inner.className ?? "",
        firstLine: firstLine.trim(),
      };
    }
  }
  return null;
}

async function stepError(runId: string, step: string): Promise<PyError | null> {
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
    { runId },
  );
  const failure = (logs.logsForRun.events ?? []).find(
    (e) => e.__typename === "ExecutionStepFailureEvent" && e.stepKey === step && e.error,
  );
  return failure?.error ?? null;
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

/** When the asset was last materialized (epoch ms), or null. */
export async function lastMaterializedAt(path: string[]): Promise<number | null> {
  const data = await dagsterQuery<{
    assetsLatestInfo: { latestMaterialization: { timestamp: string } | null }[];
  }>(
    `query M($keys: [AssetKeyInput!]!) { assetsLatestInfo(assetKeys: $keys) { latestMaterialization { timestamp } } }`,
    { keys: [{ path }] },
  );
  const ts = data.assetsLatestInfo[0]?.latestMaterialization?.timestamp;
  return ts ? Number(ts) : null;
}

/** The newest run that planned the asset, as Dagster's assetsLatestInfo says (what its health reads). */
export async function latestRunOf(
  path: string[],
): Promise<{ runId: string; status: string } | null> {
  const data = await dagsterQuery<{
    assetsLatestInfo: { latestRun: { runId: string; status: string } | null }[];
  }>(
    `query L($keys: [AssetKeyInput!]!) { assetsLatestInfo(assetKeys: $keys) { latestRun { runId status } } }`,
    { keys: [{ path }] },
  );
  return data.assetsLatestInfo[0]?.latestRun ?? null;
}
