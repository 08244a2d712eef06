import type { AssetHealth } from "@/lib/health/health-model";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// The lineage graph as the browser receives it: columnar arrays indexed by
// node position, so 25k assets stay within a few hundred KB before gzip.

export interface GraphPayload {
  generation: string;
  /** Lookup tables the columns index into. */
  deployments: string[];
  locations: [deployment: number, name: string][];
  teams: string[];
  /** One entry per node. */
  keys: string[][];
  /** Location of the node's first definition, -1 for stubs. */
  location: number[];
  /** Team index, -1 for none. */
  team: number[];
  /** One character per node: H healthy, W warning, D degraded, U unknown, S stub. */
  health: string;
  /** Flattened triples [from, to, flags]; flags bit 0: cross-location, bit 1: cross-deployment. */
  edges: number[];
  cycles: number[][];
}

const HEALTH_CHAR: Record<AssetHealth["overall"], string> = {
  HEALTHY: "H",
  WARNING: "W",
  DEGRADED: "D",
  UNKNOWN: "U",
};

export function toGraphPayload(
  snapshot: HealthSnapshot,
  teamSlugs: readonly string[],
): GraphPayload {
  const deployments: string[] = [];
  const depIndex = new Map<string, number>();
  const locations: [number, string][] = [];
  const locIndex = new Map<string, number>();
  for (const loc of snapshot.locations) {
    let d = depIndex.get(loc.deployment);
    if (d === undefined) {
      d = deployments.push(loc.deployment) - 1;
      depIndex.set(loc.deployment, d);
    }
    locIndex.set(`${loc.deployment}\u0000${loc.name}`, locations.push([d, loc.name]) - 1);
  }
  const teamIndex = new Map(teamSlugs.map((t, i) => [t, i]));

  const nodeIndex = new Map<string, number>();
  const keys: string[][] = [];
  const location: number[] = [];
  const team: number[] = [];
  let health = "";
  for (const node of snapshot.graph.nodes.values()) {
    nodeIndex.set(node.id, keys.length);
    keys.push(node.key);
    const def = node.definitions[0];
    location.push(def ? (locIndex.get(`${def.deployment}\u0000${def.location}`) ?? -1) : -1);
    team.push(node.team === null ? -1 : (teamIndex.get(node.team) ?? -1));
    const h = snapshot.health.get(node.id);
    health += node.isStub ? "S" : HEALTH_CHAR[h?.overall ?? "UNKNOWN"];
  }
  const edges: number[] = [];
  for (const e of snapshot.graph.edges) {
    edges.push(
      nodeIndex.get(e.from) as number,
      nodeIndex.get(e.to) as number,
      (e.crossLocation ? 1 : 0) | (e.crossDeployment ? 2 : 0),
    );
  }
  const cycles = snapshot.graph.cycles.map((c) => c.map((id) => nodeIndex.get(id) as number));
  return {
    generation: snapshot.generation,
    deployments,
    locations,
    teams: [...teamSlugs],
    keys,
    location,
    team,
    health,
    edges,
    cycles,
  };
}
