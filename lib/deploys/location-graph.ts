import type { AssetDefinition } from "@/lib/domain/types";
import type { LineageGraph, LogicalAsset } from "@/lib/lineage/graph-types";

// Code locations as the lineage graph links them. A location's assets are the
// definitions it owns (materializes or observes): an external AssetSpec that
// only declares another location's asset is a reference and links nothing by
// itself. Locations are compared within one deployment: a deploy to staging
// reaches staging's consumers, not production's.

/** A consumer of a location: an asset defined in another location of the same deployment. */
export interface ConsumerAsset {
  deployment: string;
  location: string;
  assetId: string;
}

/** A location as (deployment, name). */
export interface LocationRef {
  deployment: string;
  location: string;
}

const owning = (node: LogicalAsset | undefined): AssetDefinition[] =>
  node ? node.owned.flatMap((o) => o.definitions) : [];

/**
 * Every asset at any depth downstream of the location's own assets that is
 * owned by another location of the same deployment, sorted.
 */
export function consumersOf(graph: LineageGraph, at: LocationRef): ConsumerAsset[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const node of graph.nodes.values()) {
    if (owning(node).some((d) => d.deployment === at.deployment && d.location === at.location)) {
      seen.add(node.id);
      queue.push(node.id);
    }
  }
  const found = new Map<string, ConsumerAsset>();
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const next of graph.downstream.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
      for (const d of owning(graph.nodes.get(next))) {
        if (d.deployment !== at.deployment || d.location === at.location) continue;
        found.set(`${d.location}\u0000${next}`, {
          deployment: d.deployment,
          location: d.location,
          assetId: next,
        });
      }
    }
  }
  return [...found.values()].sort(
    (a, b) => a.location.localeCompare(b.location) || a.assetId.localeCompare(b.assetId),
  );
}

/**
 * The direct dependencies between locations of one deployment: `from` owns an
 * asset that an asset owned by `to` reads. Each edge once, sorted.
 */
export function locationEdges(
  graph: LineageGraph,
  deployment: string,
): { from: string; to: string }[] {
  const edges = new Set<string>();
  for (const edge of graph.edges) {
    const froms = owning(graph.nodes.get(edge.from)).filter((d) => d.deployment === deployment);
    const tos = owning(graph.nodes.get(edge.to)).filter((d) => d.deployment === deployment);
    for (const f of froms)
      for (const t of tos)
        if (f.location !== t.location) edges.add(`${f.location}\u0000${t.location}`);
  }
  return [...edges].sort().map((e) => {
    const [from, to] = e.split("\u0000") as [string, string];
    return { from, to };
  });
}
