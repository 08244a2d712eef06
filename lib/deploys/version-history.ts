import type { RunRecord } from "@/lib/domain/run-types";
import { isFailedRun } from "@/lib/metrics/definitions";
import { matchAnnotations } from "./annotation-match";
import { type DeployImpact, deployImpact, failuresOf } from "./deploy-impact";
import type { DeployAnnotation, DeployEvent } from "./deploy-types";
import type { FailureBlame } from "./failure-blame";
import type { ConsumerAsset } from "./location-graph";

// A location's versions, newest first: each code change Healthboard recorded
// (a deploy is a fingerprint change, never a restart: track-deploys.ts), how
// long it was live, whether it loaded, who shipped it (a CI annotation) and
// how the location and its consumers fared while it was live. Pure.

export interface LocationVersion {
  /** What started it: the first sight (`observed`), a `deploy` or a `deploy_failed`. */
  kind: DeployEvent["kind"];
  fingerprint: string | null;
  /** Commit or image tag from Dagster, else a short fingerprint; null if unknown. */
  version: string | null;
  /** When it went live (epoch ms). */
  from: number;
  /** When the next version replaced it; null while it is live. */
  until: number | null;
  durationMs: number;
  loaded: boolean;
  error: string | null;
  /** What CI said about it, when it said anything. */
  annotation: DeployAnnotation | null;
  /** Failed runs of the location's own assets while it was live; null without run data for the whole time. */
  ownFailures: number | null;
  /** Failed runs of its consumers (other locations, any depth) while it was live; null without data. */
  consumerFailures: number | null;
  /**
   * Of those, the failed runs whose root cause lay in this location's assets
   * (failure-blame.ts): the only ones that count against the version; null without data.
   */
  causedFailures: number | null;
  /** Consumer assets DEGRADED now (the live version only). */
  consumersDegradedNow: string[];
  /** Of those, the ones whose root cause is one of this location's assets now. */
  causedDegradedNow: string[];
  /**
   * Loaded, and no consumer failure while it was live had its root cause in
   * this location (nor, for the live version, does a consumer degraded now).
   */
  good: boolean;
  /** The newest good version: what a rollback goes back to. */
  lastKnownGood: boolean;
  /** What followed the deploy downstream; null for a first sight, which is no deploy. */
  impact: DeployImpact | null;
}

export interface VersionHistoryInput {
  deployment: string;
  location: string;
  /** The location's recorded events, any order. */
  events: readonly DeployEvent[];
  /** CI annotations for the location (any environment naming this deployment). */
  annotations: readonly DeployAnnotation[];
  consumers: readonly ConsumerAsset[];
  runs: readonly RunRecord[];
  now: number;
  /** The oldest run time Healthboard holds. */
  dataFrom: number;
  isDegradedNow: (asset: ConsumerAsset) => boolean;
  /** Which consumer failures this location caused (failure-blame.ts). */
  blame: FailureBlame;
}

const STARTS = new Set<DeployEvent["kind"]>(["observed", "deploy", "deploy_failed"]);

export function versionHistory(input: VersionHistoryInput): LocationVersion[] {
  const { now, dataFrom, runs, consumers, blame } = input;
  const starts = input.events
    .filter(
      (e) =>
        e.deployment === input.deployment && e.location === input.location && STARTS.has(e.kind),
    )
    .sort((a, b) => a.at - b.at);
  const annotations = matchAnnotations(starts, input.annotations);
  const versions = starts.map((e, i): LocationVersion => {
    const next = starts[i + 1];
    const until = next ? next.at : null;
    const end = until ?? now;
    const live = until === null;
    const covered = e.at >= dataFrom;
    const consumerFailures = covered ? failuresOf(runs, consumers, e.at, end).failures : null;
    const causedFailures = covered
      ? failuresOf(runs, consumers, e.at, end, blame.run).failures
      : null;
    const ownFailures = covered ? ownRunFailures(runs, input, e.at, end) : null;
    const consumersDegradedNow = live ? consumers.filter(input.isDegradedNow) : [];
    const causedDegradedNow = consumersDegradedNow.filter(blame.now).map((c) => c.assetId);
    return {
      kind: e.kind,
      fingerprint: e.fingerprint,
      version: e.version,
      from: e.at,
      until,
      durationMs: end - e.at,
      loaded: !e.failed,
      error: e.error,
      annotation: annotations[i] ?? null,
      ownFailures,
      consumerFailures,
      causedFailures,
      consumersDegradedNow: consumersDegradedNow.map((c) => c.assetId),
      causedDegradedNow,
      good: !e.failed && causedFailures === 0 && causedDegradedNow.length === 0,
      lastKnownGood: false,
      impact:
        e.kind === "observed"
          ? null
          : deployImpact({
              deploy: {
                deployment: e.deployment,
                location: e.location,
                at: e.at,
                version: annotations[i]?.commit ?? e.version,
              },
              consumers,
              runs,
              now,
              dataFrom,
              nextDeployAt: until,
              isDegradedNow: live ? input.isDegradedNow : undefined,
            }),
    };
  });
  const newestGood = versions.findLastIndex((v) => v.good);
  if (newestGood >= 0) (versions[newestGood] as LocationVersion).lastKnownGood = true;
  return versions.reverse();
}

/** Failed runs of the location itself (its own code) in [since, until). */
function ownRunFailures(
  runs: readonly RunRecord[],
  at: { deployment: string; location: string },
  since: number,
  until: number,
): number {
  let n = 0;
  for (const r of runs)
    if (
      isFailedRun(r) &&
      r.deployment === at.deployment &&
      r.location === at.location &&
      r.createdAt >= since &&
      r.createdAt < until
    )
      n++;
  return n;
}
