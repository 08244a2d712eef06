import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import type { MetricsConfig } from "./metrics-config";

// Freshness lag of consumed assets across teams, for the assets the config
// opts in (metrics.freshnessLag): bounded by that list, never one series per
// asset of the graph. Pure.

export interface DependencyLag {
  /** The consumed asset's key, parts joined by "/". */
  asset: string;
  deployment: string;
  producerTeam: string;
  consumerTeam: string;
  /** now − the asset's latest materialization in that deployment (observation for a source). */
  lagSeconds: number;
}

/**
 * One row per (opted-in asset definition, team that owns it, other team that
 * owns a direct downstream asset). An asset no other team consumes, or never
 * materialized nor observed, has no row.
 */
export function dependencyLags(
  snapshot: Pick<HealthSnapshot, "graph" | "statuses">,
  assets: MetricsConfig["freshnessLag"],
  now: number,
): DependencyLag[] {
  const out: DependencyLag[] = [];
  for (const wanted of assets) {
    const id = JSON.stringify(wanted.key);
    const node = snapshot.graph.nodes.get(id);
    if (!node) continue;
    const consumers = new Set<string>();
    for (const downId of snapshot.graph.downstream.get(id) ?? [])
      for (const team of snapshot.graph.nodes.get(downId)?.teams ?? []) consumers.add(team);
    for (const owned of node.owned) {
      if (owned.team === null) continue;
      for (const def of owned.definitions) {
        if (wanted.deployment && def.deployment !== wanted.deployment) continue;
        const status = snapshot.statuses.get(definitionKey(def.deployment, id));
        const last = status?.lastMaterializedAt ?? status?.lastObservedAt ?? null;
        if (last === null) continue;
        for (const consumer of [...consumers].sort()) {
          if (consumer === owned.team) continue;
          out.push({
            asset: wanted.key.join("/"),
            deployment: def.deployment,
            producerTeam: owned.team,
            consumerTeam: consumer,
            lagSeconds: Math.max(0, (now - last) / 1000),
          });
        }
      }
    }
  }
  return out;
}
