import { type RunError, runTouches } from "@/lib/domain/run-types";
import { ownerLabel } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import { teamOfDefinition, teamsLabel } from "@/lib/lineage/owned-assets";
import { isFailedRun } from "@/lib/metrics/definitions";
import { type LocationOutage, outageLookup } from "@/lib/snapshot/location-outages";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// One asset in full, for the lineage page's side panel.

export interface AssetDetail {
  key: string[];
  /** Every team owning the key somewhere, as one label. */
  team: string | null;
  isStub: boolean;
  health: AssetHealth | null;
  definitions: {
    /** The team owning this definition; null for a reference or an unowned one. */
    team: string | null;
    /** Declares the key only (external spec) while another definition produces it. */
    reference: boolean;
    deployment: string;
    location: string;
    group: string | null;
    description: string | null;
    kinds: string[];
    owners: string[];
    freshnessPolicy: string | null;
    lastMaterializedAt: number | null;
    checks: { name: string; outcome: string }[];
    inProgressRuns: number;
    /** Set when this definition is shown from last known data (its location is down). */
    down: LocationOutage | null;
  }[];
  /**
   * One line per down location of the asset, e.g. "ml-platform (local) location down
   * since 2026-12-01 23:45 UTC, error: ImportError: …"; empty when none is.
   */
  locationDown: string[];
  recentFailures: RecentAssetFailure[];
  /**
   * The asset's own latest failure when nothing materialized it since: a failed
   * run whose step for this asset failed. The asset is then its own root cause.
   */
  ownFailure: RecentAssetFailure | null;
}

export interface RecentAssetFailure {
  runId: string;
  deployment: string;
  location: string;
  job: string;
  at: number;
  reason: string | null;
  error: RunError | null;
  /**
   * True when this asset's own step failed; false when the run failed elsewhere
   * (it was planned here); null when the run's events could not be read yet.
   */
  failedHere: boolean | null;
}

export function assetDetail(snapshot: HealthSnapshot, key: string[]): AssetDetail | null {
  const id = JSON.stringify(key);
  const node = snapshot.graph.nodes.get(id);
  if (!node) return null;
  const deployments = new Set(node.definitions.map((d) => d.deployment));
  // Failed runs that planned or failed this asset in one of its deployments,
  // whether launched by asset selection or from a job.
  const failed = snapshot.runs
    .filter((r) => isFailedRun(r) && deployments.has(r.deployment) && runTouches(r, id))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map(
      (r): RecentAssetFailure => ({
        runId: r.id,
        deployment: r.deployment,
        location: r.location,
        job: r.job,
        at: r.endedAt ?? r.createdAt,
        reason: r.failureReason,
        error: r.error,
        failedHere: r.materializedAssetIds === null ? null : r.failedAssetIds.includes(id),
      }),
    );
  const latest = failed.find((f) => f.failedHere === true);
  // Compared within the failed run's own deployment: an asset is a (deployment, key) pair.
  const lastMaterializedAt = latest
    ? (snapshot.statuses.get(definitionKey(latest.deployment, id))?.lastMaterializedAt ?? 0)
    : 0;
  const ownFailure = latest && latest.at > lastMaterializedAt ? latest : null;
  const recentFailures = failed.slice(0, 5);
  const outageOf = outageLookup(snapshot.outages);
  const downOf = (d: { deployment: string; location: string }) =>
    outageOf(d.deployment, d.location);
  return {
    key: node.key,
    team: teamsLabel(node),
    isStub: node.isStub,
    health: snapshot.health.get(id) ?? null,
    definitions: node.definitions.map((d) => {
      const status = snapshot.statuses.get(definitionKey(d.deployment, id));
      const policy = d.freshnessPolicy;
      return {
        team: teamOfDefinition(node, d),
        reference: node.references.includes(d),
        deployment: d.deployment,
        location: d.location,
        group: d.group,
        description: d.description,
        kinds: d.kinds,
        owners: d.owners.map(ownerLabel),
        freshnessPolicy: !policy
          ? null
          : policy.kind === "time-window"
            ? `fail after ${policy.failWindowSeconds / 3600} h${policy.warnWindowSeconds ? `, warn after ${policy.warnWindowSeconds / 3600} h` : ""}`
            : `deadline ${policy.deadlineCron} (${policy.timezone})`,
        lastMaterializedAt: status?.lastMaterializedAt ?? null,
        checks: status?.checks ?? [],
        inProgressRuns: status?.inProgressRunIds.length ?? 0,
        down: downOf(d),
      };
    }),
    locationDown: [
      ...new Set(
        // References carry lineage only: a consumer's outage is not this asset's.
        node.definitions.flatMap((d) => {
          const o = node.references.includes(d) ? null : downOf(d);
          return o ? [outageLine(o)] : [];
        }),
      ),
    ],
    recentFailures,
    ownFailure,
  };
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "where what since when, error: first line": what node details say about an outage. */
export function outageLine(o: LocationOutage): string {
  const where = `${o.location ?? "every location"} (${o.deployment})`;
  const what = o.kind === "location-failed" ? "location down" : "deployment unreachable";
  const since = o.since === null ? "" : ` since ${utc(o.since)}`;
  const firstLine = o.error.message.split("\n").find((l) => l.trim() !== "") ?? "";
  const asOf = o.assetsAsOf === null ? "" : `; last known definitions from ${utc(o.assetsAsOf)}`;
  return `${where} ${what}${since}, error: ${firstLine.trim()}${asOf}`;
}
