import type { RunFacts, RunOutcome, RunRecord } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";

// Attributes a run to assets. Runs launched from a job have no asset selection
// (Dagster sets it only for runs launched by selecting assets), so the job's
// own assets stand in, narrowed to the steps the run executed when it ran a
// subset. A failed run's events, when read, say exactly what it planned,
// materialized and failed, and win over both.

/** A code location's assets by job, and by the op (step key) that computes them. */
export interface JobAssetIndex {
  byJob: Map<string, { id: string; opNames: string[] }[]>;
}

export function jobAssetIndex(assets: readonly AssetDefinition[]): JobAssetIndex {
  const byJob = new Map<string, { id: string; opNames: string[] }[]>();
  for (const a of assets) {
    for (const job of a.jobNames) {
      const list = byJob.get(job) ?? [];
      list.push({ id: a.id, opNames: a.opNames });
      byJob.set(job, list);
    }
  }
  return { byJob };
}

/** A step key names its op's handle; a dynamic step adds `[mapping key]`. */
const opOfStep = (stepKey: string) => stepKey.replace(/\[.*\]$/, "");

/** What a run planned, from the run list alone (no per-run reads). */
export function plannedAssets(run: RunFacts, index: JobAssetIndex): string[] {
  if (run.assetSelection !== null) return run.assetSelection;
  const assets = index.byJob.get(run.job) ?? [];
  if (run.stepKeysToExecute === null) return assets.map((a) => a.id);
  const ops = new Set(run.stepKeysToExecute.map(opOfStep));
  return assets.filter((a) => a.opNames.some((op) => ops.has(op))).map((a) => a.id);
}

export function attributeRun(
  run: RunFacts,
  outcome: RunOutcome | null,
  index: JobAssetIndex,
): RunRecord {
  const { assetSelection: _selection, stepKeysToExecute: _steps, ...facts } = run;
  // A failed run that planned nothing by its events (it failed before planning)
  // still counts for the assets it was launched for.
  const planned =
    outcome && outcome.plannedAssetIds.length > 0
      ? outcome.plannedAssetIds
      : plannedAssets(run, index);
  return {
    ...facts,
    plannedAssetIds: planned,
    materializedAssetIds: outcome?.materializedAssetIds ?? null,
    failedAssetIds: outcome?.failedAssetIds ?? [],
    error: outcome?.error ?? null,
  };
}
