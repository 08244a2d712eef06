import type { RunError } from "@/lib/domain/run-types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// Why a degraded asset is degraded, in a few words: one cause per degraded
// component of the health model (docs/health-model.md), so the list says
// "OutOfMemoryError", "check auc_above_threshold failed" or "past its
// freshness window" rather than just "DEGRADED".

export type DegradedCause =
  | {
      kind: "run";
      runId: string;
      /** The failed step's own error (class, first lines); null when the run's events were not read. */
      error: RunError | null;
      /** Dagster's failure reason tag (e.g. STEP_FAILURE), the fallback when the error is unknown. */
      reason: string | null;
      /**
       * True when this asset's own step failed; false when the run failed
       * elsewhere (another step, or before any step); null when the run's
       * events were not read.
       */
      failedHere: boolean | null;
    }
  | { kind: "partitions"; failed: number; total: number }
  | { kind: "materialization" }
  | { kind: "checks"; names: string[] }
  | { kind: "freshness"; lastMaterializedAt: number | null };

/** The causes of a degraded asset in one deployment, materialization first. */
export function degradedCauses(
  snapshot: Pick<HealthSnapshot, "runs">,
  deployment: string,
  assetId: string,
  health: AssetHealth,
  status: AssetStatus | undefined,
): DegradedCause[] {
  const causes: DegradedCause[] = [];
  if (health.materialization === "DEGRADED")
    causes.push(materializationCause(snapshot, deployment, assetId, status));
  if (health.checks === "DEGRADED") {
    const names = (status?.checks ?? []).filter((c) => c.outcome === "failed").map((c) => c.name);
    causes.push({ kind: "checks", names });
  }
  if (health.freshness === "DEGRADED") {
    causes.push({ kind: "freshness", lastMaterializedAt: status?.lastMaterializedAt ?? null });
  }
  return causes;
}

function materializationCause(
  snapshot: Pick<HealthSnapshot, "runs">,
  deployment: string,
  assetId: string,
  status: AssetStatus | undefined,
): DegradedCause {
  if (status?.partitions && status.partitions.failed > 0) {
    return { kind: "partitions", failed: status.partitions.failed, total: status.partitions.total };
  }
  const latest = status?.latestRun;
  if (latest) {
    const run = snapshot.runs.find((r) => r.id === latest.id && r.deployment === deployment);
    return {
      kind: "run",
      runId: latest.id,
      error: run?.error ?? null,
      reason: run?.failureReason ?? null,
      failedHere:
        !run || run.materializedAssetIds === null ? null : run.failedAssetIds.includes(assetId),
    };
  }
  // Dagster+ recorded a failure event, with no run Healthboard holds.
  return { kind: "materialization" };
}

/** The cause in a few words, for a list row and for title text. */
export function causeWords(cause: DegradedCause): string {
  switch (cause.kind) {
    case "run": {
      const what = cause.error?.className ?? cause.reason;
      if (cause.failedHere === false) {
        const where = cause.error?.stepKey
          ? `in step ${cause.error.stepKey}`
          : "before its step ran";
        return `its run failed ${where}${what ? ` (${what})` : ""}`;
      }
      return what ?? "its latest run failed";
    }
    case "partitions":
      return `${cause.failed} of ${cause.total} partitions failed`;
    case "materialization":
      return "materialization failed";
    case "checks":
      return cause.names.length === 1
        ? `check ${cause.names[0]} failed`
        : cause.names.length
          ? `checks ${cause.names.join(", ")} failed`
          : "a check failed";
    case "freshness":
      return "past its freshness fail window";
  }
}
