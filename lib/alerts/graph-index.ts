import type { Adjacency } from "@/lib/lineage/graph-algorithms";
import type { LineageGraph, LogicalAsset } from "@/lib/lineage/graph-types";

// The lineage graph as index adjacency lists, which lib/lineage/graph-algorithms
// walks. Built once per graph (a snapshot keeps its graph until the topology
// changes), so rule evaluation on every tick does not rebuild it.

export interface GraphIndex {
  nodes: LogicalAsset[];
  index: Map<string, number>;
  upstream: Adjacency;
  downstream: Adjacency;
  teamsOf: (n: number) => readonly string[];
}

const cache = new WeakMap<LineageGraph, GraphIndex>();

export function graphIndex(graph: LineageGraph): GraphIndex {
  const hit = cache.get(graph);
  if (hit) return hit;
  const nodes = [...graph.nodes.values()];
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const adjacency = (edges: Map<string, string[]>) =>
    nodes.map((n) =>
      (edges.get(n.id) ?? []).map((id) => index.get(id)).filter((i) => i !== undefined),
    );
  const built: GraphIndex = {
    nodes,
    index,
    upstream: adjacency(graph.upstream),
    downstream: adjacency(graph.downstream),
    teamsOf: (n) => nodes[n]?.teams ?? [],
  };
  cache.set(graph, built);
  return built;
}

/** Everything downstream of any of `starts`: a start is in it only when another start reaches it. */
export function downstreamOf(g: GraphIndex, starts: Iterable<number>): Set<number> {
  const seen = new Set<number>();
  const frontier = [...starts];
  while (frontier.length > 0) {
    const n = frontier.pop() as number;
    for (const m of g.downstream[n] ?? []) {
      if (seen.has(m)) continue;
      seen.add(m);
      frontier.push(m);
    }
  }
  return seen;
}

/** How many of `nodes` each team owns, most first (as blastRadius counts them). */
export function countByTeam(
  g: GraphIndex,
  nodes: Iterable<number>,
): { team: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const teams = g.teamsOf(n);
    for (const t of teams.length ? teams : ["(no team)"]) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts]
    .map(([team, count]) => ({ team, count }))
    .sort((a, b) => b.count - a.count || a.team.localeCompare(b.team));
}
