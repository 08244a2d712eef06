import type { RunRecord } from "@/lib/domain/run-types";
import { isFailedRun } from "@/lib/metrics/definitions";
import type { ConsumerAsset } from "./location-graph";

// What a deploy was followed by downstream: failures of assets in other
// locations that read the deployed location's assets (at any depth), in the
// hours after the deploy, against their rate before it. A failure is a failed
// run (isFailedRun) that failed at least one of those assets, counted at the
// run's creation (a run runs the code it was launched with). Pure.

export const IMPACT_AFTER_MS = 6 * 3_600_000;
export const IMPACT_BASELINE_MS = 7 * 24 * 3_600_000;

export interface ConsumerFailures {
  /** Failed runs that failed at least one of the assets. */
  failures: number;
  /** The assets those runs failed, sorted (asset ids). */
  failedAssets: string[];
}

/**
 * Failures of `assets` (one deployment) in runs created in [since, until);
 * with `counts`, only the failed assets it accepts (version-history.ts counts
 * those whose root cause lies in the deployed location).
 */
export function failuresOf(
  runs: readonly RunRecord[],
  assets: readonly ConsumerAsset[],
  since: number,
  until: number,
  counts?: (run: RunRecord, asset: ConsumerAsset) => boolean,
): ConsumerFailures {
  const ids = new Map(assets.map((a) => [`${a.deployment}\u0000${a.assetId}`, a]));
  const failedAssets = new Set<string>();
  let failures = 0;
  for (const run of runs) {
    if (!isFailedRun(run) || run.createdAt < since || run.createdAt >= until) continue;
    const hit = run.failedAssetIds.filter((id) => {
      const asset = ids.get(`${run.deployment}\u0000${id}`);
      return asset !== undefined && (!counts || counts(run, asset));
    });
    if (hit.length === 0) continue;
    failures++;
    for (const id of hit) failedAssets.add(id);
  }
  return { failures, failedAssets: [...failedAssets].sort() };
}

export interface LocationImpact extends ConsumerFailures {
  /** The consumer location (same deployment as the deploy). */
  location: string;
  /** Failures per hour after the deploy; null when no time has passed. */
  perHourAfter: number | null;
  /** Failures per hour before the deploy; null when Healthboard holds no runs from before it. */
  baselinePerHour: number | null;
  /** Its assets that are DEGRADED now (only for the live version's deploy). */
  degradedNow: string[];
  /**
   * Followed by more than usual: at least one failure after the deploy, at a
   * higher hourly rate than before it (or with no baseline), or a consumer
   * asset degraded now after the live version's deploy.
   */
  elevated: boolean;
}

export interface DeployImpact {
  deployment: string;
  location: string;
  version: string | null;
  at: number;
  /** The window after the deploy actually measured: [at, afterUntil). */
  afterUntil: number;
  /** The baseline window actually measured: [baselineSince, at). */
  baselineSince: number;
  /** Consumer locations, those with an elevated impact first, then by name. */
  consumers: LocationImpact[];
  /** True when any consumer location's impact is elevated: what the alerts `deploy` rule fires on. */
  elevated: boolean;
}

export interface ImpactInput {
  deploy: { deployment: string; location: string; at: number; version: string | null };
  consumers: readonly ConsumerAsset[];
  runs: readonly RunRecord[];
  now: number;
  /** The oldest run time Healthboard holds (the runs window's start). */
  dataFrom: number;
  /** The next deploy of the same location: the window after stops there. */
  nextDeployAt?: number | null;
  /** For the live version only: whether a consumer asset is degraded now. */
  isDegradedNow?: (asset: ConsumerAsset) => boolean;
  afterMs?: number;
  baselineMs?: number;
}

const perHour = (count: number, ms: number) => (ms > 0 ? count / (ms / 3_600_000) : null);

export function deployImpact(input: ImpactInput): DeployImpact {
  const { deploy, now } = input;
  const afterUntil = Math.max(
    deploy.at,
    Math.min(deploy.at + (input.afterMs ?? IMPACT_AFTER_MS), now, input.nextDeployAt ?? now),
  );
  const baselineSince = Math.min(
    deploy.at,
    Math.max(deploy.at - (input.baselineMs ?? IMPACT_BASELINE_MS), input.dataFrom),
  );
  const byLocation = new Map<string, ConsumerAsset[]>();
  for (const c of input.consumers) {
    // Appended in place: copying the list per asset was quadratic (25k consumers: seconds).
    const assets = byLocation.get(c.location);
    if (assets) assets.push(c);
    else byLocation.set(c.location, [c]);
  }
  const consumers = [...byLocation.entries()].map(([location, assets]): LocationImpact => {
    const after = failuresOf(input.runs, assets, deploy.at, afterUntil);
    const before = failuresOf(input.runs, assets, baselineSince, deploy.at);
    const perHourAfter = perHour(after.failures, afterUntil - deploy.at);
    const baselinePerHour = perHour(before.failures, deploy.at - baselineSince);
    const degradedNow = input.isDegradedNow
      ? assets.filter(input.isDegradedNow).map((a) => a.assetId)
      : [];
    const moreFailures =
      after.failures > 0 && (baselinePerHour === null || (perHourAfter ?? 0) > baselinePerHour);
    return {
      location,
      ...after,
      perHourAfter,
      baselinePerHour,
      degradedNow,
      elevated: moreFailures || degradedNow.length > 0,
    };
  });
  consumers.sort(
    (a, b) => Number(b.elevated) - Number(a.elevated) || a.location.localeCompare(b.location),
  );
  return {
    ...deploy,
    afterUntil,
    baselineSince,
    consumers,
    elevated: consumers.some((c) => c.elevated),
  };
}

/** "analytics-team abc123 at 10:02 UTC was followed by 3 failures in ml-platform (baseline 0.2 per hour)". */
export function describeImpact(impact: DeployImpact, consumer: LocationImpact): string {
  const at = new Date(impact.at).toISOString().slice(11, 16);
  const what = `${impact.location}${impact.version ? ` ${impact.version}` : ""} at ${at} UTC`;
  const baseline =
    consumer.baselinePerHour === null
      ? "no baseline"
      : `baseline ${consumer.baselinePerHour.toFixed(1)} per hour`;
  const failures = `${consumer.failures} failure${consumer.failures === 1 ? "" : "s"}`;
  const degraded = consumer.degradedNow.length
    ? `; ${consumer.degradedNow.length} degraded now`
    : "";
  return `${what} was followed by ${failures} in ${consumer.location} (${baseline})${degraded}`;
}
