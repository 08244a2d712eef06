import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import type { LogicalAsset } from "@/lib/lineage/graph-types";
import { isDegraded as degraded, isStale as stale } from "@/lib/metrics/definitions";
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

/** Stale, as lib/metrics/definitions.ts defines it: freshness WARNING or DEGRADED. */
export const isStale = (a: TeamAsset) => stale(a.health);
/** Degraded, as lib/metrics/definitions.ts defines it: overall health DEGRADED (freshness included). */
export const isDegraded = (a: TeamAsset) => degraded(a.health);
