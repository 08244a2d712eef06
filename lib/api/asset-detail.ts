import { ownerLabel } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import { teamOfDefinition, teamsLabel } from "@/lib/lineage/owned-assets";
import { isFailedRun } from "@/lib/metrics/definitions";
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
  }[];
  recentFailures: {
    runId: string;
    deployment: string;
    location: string;
    job: string;
    at: number;
    reason: string | null;
  }[];
}

export function assetDetail(snapshot: HealthSnapshot, key: string[]): AssetDetail | null {
  const id = JSON.stringify(key);
  const node = snapshot.graph.nodes.get(id);
  if (!node) return null;
  const recentFailures = snapshot.runs
    .filter((r) => isFailedRun(r) && r.assetIds.includes(id))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, 5)
    .map((r) => ({
      runId: r.id,
      deployment: r.deployment,
      location: r.location,
      job: r.job,
      at: r.endedAt ?? r.createdAt,
      reason: r.failureReason,
    }));
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
      };
    }),
    recentFailures,
  };
}
