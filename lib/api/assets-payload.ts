import { ownerLabel } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import { type OutageKind, outageLookup } from "@/lib/snapshot/location-outages";
import { ownedHealth } from "@/lib/snapshot/owned-health";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// Assets with their health, for lists and tables; filters are applied here.
// Rows are (deployment, key) per owning team, like team pages; stubs are nobody's.

export interface AssetRow {
  key: string[];
  team: string | null;
  deployment: string;
  location: string;
  group: string | null;
  kinds: string[];
  owners: string[];
  health: AssetHealth;
  lastMaterializedAt: number | null;
  latestRunStatus: string | null;
  inProgress: boolean;
  /** Other deployments that define the same key. */
  alsoIn: string[];
  /** Shown from last known data: its location fails to load or its deployment is unreachable. */
  locationDown: OutageKind | null;
}

export interface AssetFilters {
  team?: string;
  deployment?: string;
  location?: string;
}

/** One row per owned asset: a key in one deployment (or merge group) for one team. */
export function toAssetRows(snapshot: HealthSnapshot, filters: AssetFilters): AssetRow[] {
  const rows: AssetRow[] = [];
  const outageOf = outageLookup(snapshot.outages);
  for (const node of snapshot.graph.nodes.values()) {
    for (const owned of node.owned) {
      if (filters.team && owned.team !== filters.team) continue;
      if (filters.deployment && !owned.deployments.includes(filters.deployment)) continue;
      const def = filters.location
        ? owned.definitions.find((d) => d.location === filters.location)
        : owned.definitions[0];
      if (!def) continue;
      const status = snapshot.statuses.get(definitionKey(def.deployment, node.id));
      rows.push({
        key: node.key,
        team: owned.team,
        deployment: def.deployment,
        location: def.location,
        group: def.group,
        kinds: def.kinds,
        owners: def.owners.map(ownerLabel),
        health: ownedHealth(snapshot.definitionHealth, node.id, owned),
        lastMaterializedAt: status?.lastMaterializedAt ?? null,
        latestRunStatus: status?.latestRun?.status ?? null,
        inProgress: (status?.inProgressRunIds.length ?? 0) > 0,
        alsoIn: [
          ...new Set(node.owned.flatMap((o) => o.deployments).filter((d) => d !== def.deployment)),
        ],
        locationDown: outageOf(def.deployment, def.location)?.kind ?? null,
      });
    }
  }
  return rows;
}
