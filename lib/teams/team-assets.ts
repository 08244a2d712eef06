import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import type { LogicalAsset } from "@/lib/lineage/graph-types";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";

/** A team's asset with what every panel needs about it. */
export interface TeamAsset {
  node: LogicalAsset;
  def: AssetDefinition;
  health: AssetHealth;
  status: AssetStatus | undefined;
}

export function teamAssets(snapshot: HealthSnapshot, team: string, location?: string): TeamAsset[] {
  const out: TeamAsset[] = [];
  for (const node of snapshot.graph.nodes.values()) {
    const def = node.definitions[0];
    if (!def || node.team !== team) continue;
    if (location && def.location !== location) continue;
    out.push({
      node,
      def,
      health: snapshot.health.get(node.id) as AssetHealth,
      status: snapshot.statuses.get(definitionKey(def.deployment, node.id)),
    });
  }
  out.sort((a, b) => a.node.id.localeCompare(b.node.id));
  return out;
}

/** Stale: freshness failing or warning. */
export const isStale = (a: TeamAsset) =>
  a.health.freshness === "DEGRADED" || a.health.freshness === "WARNING";
/** Degraded: the latest materialization failed, or checks are failing. */
export const isDegraded = (a: TeamAsset) =>
  a.health.materialization === "DEGRADED" || a.health.checks === "DEGRADED";
