import type { AssetStatus } from "@/lib/health/status-types";
import { rootCauses } from "@/lib/lineage/graph-algorithms";
import { isDegraded, isFailedRun, isWarning } from "@/lib/metrics/definitions";
import { causeWords, degradedCauses } from "@/lib/overview/asset-cause";
import { ownedHealth } from "@/lib/snapshot/owned-health";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import type { AlertRootCause } from "./alert-types";
import type { GraphIndex } from "./graph-index";

// The root cause an alert carries: the failed asset furthest upstream
// (lib/lineage rootCauses, the lineage panel's "Failed upstream"), with the
// cause of its degradation in words and its error message (lib/overview
// degradedCauses, the overview's "failing now").

/** The root node of `start` being unhealthy: the nearest-root failed ancestor, else itself. */
export function rootNode(snapshot: HealthSnapshot, g: GraphIndex, start: number): number {
  const health = (n: number) => snapshot.health.get(g.nodes[n]?.id ?? "");
  const causes = rootCauses(g.upstream, start, {
    degraded: (n) => {
      const h = health(n);
      return h !== undefined && isDegraded(h);
    },
    warning: (n) => {
      const h = health(n);
      return h !== undefined && isWarning(h);
    },
  });
  return causes.failed[0] ?? start;
}

/** Describes node `n` as a root cause, from its worst owned definition. */
export function describeRootCause(
  snapshot: HealthSnapshot,
  g: GraphIndex,
  n: number,
): AlertRootCause {
  const node = g.nodes[n];
  if (!node)
    return { key: null, deployment: null, location: null, team: null, words: "", error: null };
  const owned =
    node.owned.find((o) => isDegraded(ownedHealth(snapshot.definitionHealth, node.id, o))) ??
    node.owned[0];
  const def = owned?.definitions[0] ?? node.definitions[0];
  const deployment = def?.deployment ?? null;
  const health = owned ? ownedHealth(snapshot.definitionHealth, node.id, owned) : undefined;
  const status = deployment ? snapshot.statuses.get(definitionKey(deployment, node.id)) : undefined;
  const causes =
    health && deployment ? degradedCauses(snapshot, deployment, node.id, health, status) : [];
  const run = causes.find((c) => c.kind === "run");
  const runError = run?.error ?? null;
  const words = causes.map(causeWords).join("; ");
  const cause: AlertRootCause = {
    key: node.key,
    deployment,
    location: def?.location ?? null,
    team: owned?.team ?? null,
    words: words || (health ? `health ${health.overall.toLowerCase()}` : "unknown"),
    error: runError ? (runError.full ?? runError.message) : null,
  };
  // failedHere is null exactly when the run's events were not read (or it is not listed).
  return run?.failedHere === null &&
    runError === null &&
    status?.latestRun &&
    runUnread(snapshot, deployment, status.latestRun)
    ? { ...cause, errorPending: true }
    : cause;
}

/** How far before the last runs read a run may have ended and still be missing from it. */
const READ_SLACK_MS = 60_000;

/**
 * True when the failed run an asset's status names has not been read yet, so
 * its error is still to come: it is not among the runs read because it is
 * newer than them (the runs loop reads it next), or it is but its events were
 * not (a timed-out or deferred read, retried on the next runs refresh). False
 * for a run older than the runs window, which is never read.
 */
function runUnread(
  snapshot: HealthSnapshot,
  deployment: string | null,
  latest: NonNullable<AssetStatus["latestRun"]>,
): boolean {
  if (!isFailedRun(latest)) return false;
  const run = snapshot.runs.find((r) => r.id === latest.id && r.deployment === deployment);
  if (run) return run.materializedAssetIds === null;
  const runsAsOf = snapshot.deployments.find((d) => d.deployment === deployment)?.runsAsOf;
  if (runsAsOf === null || runsAsOf === undefined) return true;
  const ended = latest.endedAt ?? latest.startedAt ?? null;
  return ended === null || ended > runsAsOf - READ_SLACK_MS;
}
