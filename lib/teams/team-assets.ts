import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import type { LogicalAsset, OwnedAsset } from "@/lib/lineage/graph-types";
import { isDegraded as degraded, isStale as stale } from "@/lib/metrics/definitions";
import { ownedHealth } from "@/lib/snapshot/owned-health";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";

/**
 * A team's asset: one key in one deployment (or merge group), with what every
 * panel needs about it. A key the team owns in two deployments is two assets.
 */
export interface TeamAsset {
  node: LogicalAsset;
  owned: OwnedAsset;
  /** The definition shown: the owned asset's first, or the first in the filtered location. */
  def: AssetDefinition;
  /** This deployment's health (worst over a merge group), not the lineage node's. */
  health: AssetHealth;
  status: AssetStatus | undefined;
}

/**
 * The assets a team owns, optionally in one code location (matched per
 * definition). Team pages, badges, KPI samples and overview tiles all count
 * with this one function. `null` asks for the owned assets no team owns.
 */
export function teamAssets(
  snapshot: HealthSnapshot,
  team: string | null,
  location?: string,
): TeamAsset[] {
  const out: TeamAsset[] = [];
  for (const node of snapshot.graph.nodes.values()) {
    for (const owned of node.owned) {
      if (owned.team !== team) continue;
      const def = location
        ? owned.definitions.find((d) => d.location === location)
        : owned.definitions[0];
      if (!def) continue;
      out.push({
        node,
        owned,
        def,
        health: ownedHealth(snapshot.definitionHealth, node.id, owned),
        status: snapshot.statuses.get(definitionKey(def.deployment, node.id)),
      });
    }
  }
  out.sort(
    (a, b) =>
      a.node.id.localeCompare(b.node.id) || a.def.deployment.localeCompare(b.def.deployment),
  );
  return out;
}

/** Stale, as lib/metrics/definitions.ts defines it: freshness WARNING or DEGRADED. */
export const isStale = (a: TeamAsset) => stale(a.health);
/** Degraded, as lib/metrics/definitions.ts defines it: overall health DEGRADED (freshness included). */
export const isDegraded = (a: TeamAsset) => degraded(a.health);
