import { ownerLabel } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// Assets with their health, for lists and tables; filters are applied here.

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
}

export interface AssetFilters {
  team?: string;
  deployment?: string;
  location?: string;
}

export function toAssetRows(snapshot: HealthSnapshot, filters: AssetFilters): AssetRow[] {
  const rows: AssetRow[] = [];
  for (const node of snapshot.graph.nodes.values()) {
    const def = node.definitions[0];
    if (!def) continue; // stubs are not anyone's assets
    if (filters.team && node.team !== filters.team) continue;
    if (filters.deployment && !node.definitions.some((d) => d.deployment === filters.deployment))
      continue;
    if (filters.location && !node.definitions.some((d) => d.location === filters.location))
      continue;
    const status = snapshot.statuses.get(definitionKey(def.deployment, node.id));
    rows.push({
      key: node.key,
      team: node.team,
      deployment: def.deployment,
      location: def.location,
      group: def.group,
      kinds: def.kinds,
      owners: def.owners.map(ownerLabel),
      health: snapshot.health.get(node.id) as AssetHealth,
      lastMaterializedAt: status?.lastMaterializedAt ?? null,
      latestRunStatus: status?.latestRun?.status ?? null,
      inProgress: (status?.inProgressRunIds.length ?? 0) > 0,
      alsoIn: node.definitions.slice(1).map((d) => d.deployment),
    });
  }
  return rows;
}
