import type { MaterializationRecord, RunError, RunRecord } from "@/lib/domain/run-types";
import { isFailedRun, isSucceededRun } from "@/lib/metrics/definitions";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { bucketOf, buckets, type TimeWindow } from "./time-range";

export interface TrendPoint {
  bucket: number;
  location: string;
  runsSucceeded: number;
  runsFailed: number;
  materializations: number;
}

export interface RecentFailure {
  runId: string;
  deployment: string;
  location: string;
  job: string;
  status: string;
  reason: string | null;
  /** The failing step's error (class, first lines), when the run's events were read. */
  error: RunError | null;
  /** The keys of the team's assets this run failed to materialize. */
  failedAssetKeys: string[][];
  at: number;
}

export interface Recovery {
  id: string;
  deployment: string;
  failedAt: number;
  recoveredAt: number | null;
}

export interface FailureReport {
  trend: TrendPoint[];
  totals: { runsSucceeded: number; runsFailed: number; materializations: number };
  recent: RecentFailure[];
  recoveries: Recovery[];
  /** Median time from a failure to the asset's next materialization, over recovered episodes. */
  medianRecoveryMs: number | null;
}

const isInWindow = (w: TimeWindow, at: number) => at >= w.since && at < w.until;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One of the team's assets: a key in one deployment, where it is defined. */
export interface FailureAsset {
  deployment: string;
  id: string;
  location: string;
}

/**
 * A failure of an asset in a run: the run failed and its events say the asset's
 * step failed, or (events not read) it planned the asset.
 */
export function failedAsset(run: RunRecord, id: string): boolean {
  if (!isFailedRun(run)) return false;
  return run.materializedAssetIds === null
    ? run.plannedAssetIds.includes(id)
    : run.failedAssetIds.includes(id);
}

/**
 * Runs are the team's runs (lib/teams/team-runs.ts), counted by creation time.
 * Materializations and recoveries use the team's assets, each a (deployment, key)
 * pair, and their histories.
 */
export function failureReport(
  runs: readonly RunRecord[],
  assets: readonly FailureAsset[],
  historyOf: (asset: FailureAsset) => readonly MaterializationRecord[],
  window: TimeWindow,
): FailureReport {
  const points = new Map<string, TrendPoint>();
  const locations = new Set([...runs.map((r) => r.location), ...assets.map((a) => a.location)]);
  for (const b of buckets(window)) {
    for (const location of locations) {
      points.set(`${b}|${location}`, {
        bucket: b,
        location,
        runsSucceeded: 0,
        runsFailed: 0,
        materializations: 0,
      });
    }
  }
  const totals = { runsSucceeded: 0, runsFailed: 0, materializations: 0 };
  for (const r of runs) {
    const b = bucketOf(window, r.createdAt);
    if (b === null) continue;
    const p = points.get(`${b}|${r.location}`);
    if (isSucceededRun(r)) {
      totals.runsSucceeded++;
      if (p) p.runsSucceeded++;
    } else if (isFailedRun(r)) {
      totals.runsFailed++;
      if (p) p.runsFailed++;
    }
  }
  for (const asset of assets) {
    for (const m of historyOf(asset)) {
      const b = bucketOf(window, m.at);
      // Before dataFrom one asset's history is cut short: the others' would count alone.
      if (b === null || m.at < window.dataFrom) continue;
      totals.materializations++;
      const p = points.get(`${b}|${asset.location}`);
      if (p) p.materializations++;
    }
  }

  const owned = new Set(assets.map((a) => definitionKey(a.deployment, a.id)));
  const recent = runs
    .filter((r) => isFailedRun(r) && isInWindow(window, r.createdAt))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, 25)
    .map((r) => ({
      runId: r.id,
      deployment: r.deployment,
      location: r.location,
      job: r.job,
      status: r.status,
      reason: r.failureReason,
      error: r.error,
      // An asset id is the JSON of its key path.
      failedAssetKeys: r.failedAssetIds
        .filter((id) => owned.has(definitionKey(r.deployment, id)))
        .map((id) => JSON.parse(id) as string[]),
      at: r.endedAt ?? r.updatedAt ?? r.createdAt,
    }));

  // A failure episode of an asset: a failed run that failed it (and did not
  // materialize it), until the asset's next materialization (the recovery).
  const recoveries: Recovery[] = [];
  const failedRuns = runs.filter(isFailedRun).sort((a, b) => a.createdAt - b.createdAt);
  for (const asset of assets) {
    const { id, deployment } = asset;
    const history = historyOf(asset);
    const materializedIn = new Set(history.map((m) => m.runId));
    let openUntil = Number.NEGATIVE_INFINITY;
    for (const run of failedRuns) {
      // An asset is a (deployment, key) pair: another deployment's run of the same key is not its failure.
      if (run.deployment !== deployment || !failedAsset(run, id) || materializedIn.has(run.id))
        continue;
      const failedAt = run.endedAt ?? run.updatedAt ?? run.createdAt;
      if (failedAt < openUntil) continue; // still inside the previous episode
      const next = history.find((m) => m.at > failedAt);
      if (isInWindow(window, failedAt))
        recoveries.push({ id, deployment, failedAt, recoveredAt: next?.at ?? null });
      openUntil = next?.at ?? Number.POSITIVE_INFINITY;
    }
  }
  recoveries.sort((a, b) => b.failedAt - a.failedAt);
  const medianRecoveryMs = median(
    recoveries
      .filter((r) => r.recoveredAt !== null)
      .map((r) => (r.recoveredAt as number) - r.failedAt),
  );
  return { trend: [...points.values()], totals, recent, recoveries, medianRecoveryMs };
}
