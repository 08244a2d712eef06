import type { AssetHealth } from "@/lib/health/health-model";
import type { HealthStatus } from "@/lib/health/status-types";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import { nodeDefinition, teamsLabel } from "@/lib/lineage/owned-assets";
import { isUnhealthy, SEVERITY } from "@/lib/metrics/definitions";

export interface ForeignAsset {
  id: string;
  key: string[];
  team: string | null;
  deployment: string | null;
  location: string | null;
  isStub: boolean;
  health: AssetHealth["overall"];
  freshness: HealthStatus;
  /** The team's own assets on the other side of the edge. */
  via: string[][];
}

/** One of the team's assets a downstream consumer reads, unhealthy: why that consumer is at risk. */
export interface RiskSource {
  key: string[];
  health: AssetHealth["overall"];
}

export interface DependencyReport {
  /** Other teams' assets this team reads from: is my breakage caused upstream? */
  upstream: ForeignAsset[];
  /** Other teams' assets that read from this team, at risk when what they read is unhealthy. */
  downstream: (ForeignAsset & { atRisk: boolean; atRiskFrom: RiskSource[] })[];
}

export function dependencyReport(
  graph: LineageGraph,
  health: ReadonlyMap<string, AssetHealth>,
  teamAssetIds: ReadonlySet<string>,
  team: string,
): DependencyReport {
  const collect = (direction: "upstream" | "downstream") => {
    const found = new Map<string, ForeignAsset>();
    for (const id of teamAssetIds) {
      const own = graph.nodes.get(id);
      for (const otherId of graph[direction].get(id) ?? []) {
        const other = graph.nodes.get(otherId);
        if (!other || other.teams.includes(team) || teamAssetIds.has(otherId)) continue;
        let row = found.get(otherId);
        if (!row) {
          const def = nodeDefinition(other);
          const h = health.get(otherId);
          row = {
            id: otherId,
            key: other.key,
            team: teamsLabel(other),
            deployment: def?.deployment ?? null,
            location: def?.location ?? null,
            isStub: other.isStub,
            health: h?.overall ?? "UNKNOWN",
            freshness: h?.freshness ?? "UNKNOWN",
            via: [],
          };
          found.set(otherId, row);
        }
        if (own) row.via.push(own.key);
      }
    }
    return [...found.values()].sort(
      (a, b) => SEVERITY[b.health] - SEVERITY[a.health] || a.id.localeCompare(b.id),
    );
  };
  const upstream = collect("upstream");
  const downstream = collect("downstream").map((row) => {
    // At risk because it reads one of our assets that is unhealthy (lib/metrics
    // isUnhealthy): name which, worst first, so the reader knows what to fix.
    const atRiskFrom = row.via
      .map((key) => ({ key, health: health.get(JSON.stringify(key))?.overall ?? "UNKNOWN" }))
      .filter((r): r is RiskSource => isUnhealthy(r.health))
      .sort((a, b) => SEVERITY[b.health] - SEVERITY[a.health]);
    return { ...row, atRisk: atRiskFrom.length > 0, atRiskFrom };
  });
  downstream.sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || a.id.localeCompare(b.id));
  return { upstream, downstream };
}
