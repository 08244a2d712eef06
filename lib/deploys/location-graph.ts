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

// The walks below scan the whole graph, and the team page asks them on every
// render (its locations, their upstream locations, the deploy order): at
// 25,000 assets that was most of a team page's CPU. A snapshot's graph never
// changes once built, so each answer is kept with its graph and dropped with
// it; answers are frozen, since every caller shares them.
const answers = new WeakMap<LineageGraph, Map<string, unknown>>();

function perGraph<T>(graph: LineageGraph, key: string, compute: () => T): T {
  let byKey = answers.get(graph);
  if (!byKey) {
    byKey = new Map();
    answers.set(graph, byKey);
  }
  if (!byKey.has(key)) byKey.set(key, Object.freeze(compute()));
  return byKey.get(key) as T;
}

/** The ids of the assets the location owns (its definitions, not its references). */
export function ownAssetIds(graph: LineageGraph, at: LocationRef): string[] {
  return [...graph.nodes.values()]
    .filter((node) =>
      owning(node).some((d) => d.deployment === at.deployment && d.location === at.location),
    )
    .map((node) => node.id);
}

/**
 * Every asset at any depth downstream of the location's own assets that is
 * owned by another location of the same deployment, sorted.
 */
export function consumersOf(graph: LineageGraph, at: LocationRef): readonly ConsumerAsset[] {
  return perGraph(graph, `consumers\u0000${at.deployment}\u0000${at.location}`, () =>
    consumersOfAssets(graph, at, ownAssetIds(graph, at)),
  );
}

/**
 * Every asset at any depth downstream of `ids` owned by another location of
 * the same deployment than `at`, sorted. `ids` need not be owned by `at` any
 * more (an asset a version removed still links its readers as a stub).
 */
export function consumersOfAssets(
  graph: LineageGraph,
  at: LocationRef,
  ids: readonly string[],
): ConsumerAsset[] {
  const found = new Map<string, ConsumerAsset>();
  for (const id of reachable(graph.downstream, ids)) {
    for (const d of owning(graph.nodes.get(id))) {
      if (d.deployment !== at.deployment || d.location === at.location) continue;
      found.set(`${d.location}\u0000${id}`, {
        deployment: d.deployment,
        location: d.location,
        assetId: id,
      });
    }
  }
  return [...found.values()].sort(
    (a, b) => a.location.localeCompare(b.location) || a.assetId.localeCompare(b.assetId),
  );
}

/** Every node reachable from `starts` along `edges` (at any depth), the starts excluded unless reached again. */
export function reachable(
  edges: ReadonlyMap<string, readonly string[]>,
  starts: readonly string[],
): string[] {
  const seen = new Set(starts);
  const queue = [...starts];
  const out: string[] = [];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const next of edges.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
      out.push(next);
    }
  }
  return out;
}

/**
 * The direct dependencies between locations of one deployment: `from` owns an
 * asset that an asset owned by `to` reads. Each edge once, sorted.
 */
export function locationEdges(
  graph: LineageGraph,
  deployment: string,
): readonly { from: string; to: string }[] {
  return perGraph(graph, `edges\u0000${deployment}`, () => findLocationEdges(graph, deployment));
}

function findLocationEdges(
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

/** The other locations of the deployment that `at` reads from, at any depth, sorted. */
export function locationsUpstream(graph: LineageGraph, at: LocationRef): readonly LocationRef[] {
  return perGraph(graph, `upstream\u0000${at.deployment}\u0000${at.location}`, () =>
    findLocationsUpstream(graph, at),
  );
}

function findLocationsUpstream(graph: LineageGraph, at: LocationRef): LocationRef[] {
  const upstream = new Map<string, string[]>();
  for (const e of locationEdges(graph, at.deployment))
    upstream.set(e.to, [...(upstream.get(e.to) ?? []), e.from]);
  return reachable(upstream, [at.location])
    .filter((l) => l !== at.location)
    .sort()
    .map((location) => ({ deployment: at.deployment, location }));
}
