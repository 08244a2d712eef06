import type { MaterializationRecord } from "@/lib/domain/run-types";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { runNow, type Steps } from "./slices";

// Which upstream materialization a downstream materialization consumed, from
// the data versions Dagster records when data versioning is in use: the
// downstream event's `dagster/input_data_version/<up>` tag names the version
// it read, and the upstream event carrying that `dagster/data_version` (the
// latest one at or before the downstream event) is the one consumed. Dagster
// 1.13 also records `dagster/input_event_pointer/<up>`, a storage id its
// GraphQL API does not expose on events, so versions are the join. Events
// without these tags (reported or seeded events) give no sample: nothing says
// what they consumed.

/** One measured hop: the downstream event and the upstream event it consumed. */
export interface HopSample {
  upAt: number;
  downAt: number;
}

/** Per deployment, per edge `from\0to`: samples ascending by the downstream time. */
export type HopIndex = Map<string, Map<string, HopSample[]>>;

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

/** An asset's recorded events by data version, ascending by time. */
export type VersionIndex = Map<string, MaterializationRecord[]>;

export function versionIndex(history: readonly MaterializationRecord[]): VersionIndex {
  const out: VersionIndex = new Map();
  for (const m of history) {
    if (m.dataVersion === undefined) continue;
    const list = out.get(m.dataVersion) ?? [];
    list.push(m); // history is ascending by time
    out.set(m.dataVersion, list);
  }
  return out;
}

/** The upstream event consumed: the latest carrying `version` at or before `downAt`; null when none was recorded. */
export function consumedEvent(
  upstream: VersionIndex,
  version: string,
  downAt: number,
): MaterializationRecord | null {
  let best: MaterializationRecord | null = null;
  for (const m of upstream.get(version) ?? []) {
    if (m.at > downAt) break;
    best = m;
  }
  return best;
}

const cache = new WeakMap<object, { graph: LineageGraph; index: HopIndex }>();

/**
 * Every measured hop of the lineage graph within each deployment (data
 * versions are per Dagster instance, so a hop never joins two deployments).
 * Computed once per materialization history and graph, shared by every viewer.
 */
export function hopIndex(
  graph: LineageGraph,
  materializations: ReadonlyMap<string, readonly MaterializationRecord[]>,
): HopIndex {
  return runNow(hopIndexSteps(graph, materializations));
}

/** Edges between two pauses of hopIndexSteps: well under a millisecond each. */
const EDGES_PER_STEP = 64;

/** hopIndex in steps (lib/performance/slices.ts), cached the same way: for the figure warmer. */
export function* hopIndexSteps(
  graph: LineageGraph,
  materializations: ReadonlyMap<string, readonly MaterializationRecord[]>,
): Steps<HopIndex> {
  const hit = cache.get(materializations);
  if (hit && hit.graph === graph) return hit.index;
  yield; // a pause before the work, as after every EDGES_PER_STEP edges
  const index: HopIndex = new Map();
  const versions = new Map<string, VersionIndex>();
  const versionsOf = (key: string, history: readonly MaterializationRecord[]) => {
    let v = versions.get(key);
    if (!v) {
      v = versionIndex(history);
      versions.set(key, v);
    }
    return v;
  };
  let n = 0;
  for (const edge of graph.edges) {
    if (++n % EDGES_PER_STEP === 0) yield;
    const node = graph.nodes.get(edge.to);
    if (!node) continue;
    const deployments = new Set(node.definitions.map((d) => d.deployment));
    for (const deployment of deployments) {
      const down = materializations.get(definitionKey(deployment, edge.to)) ?? [];
      if (!down.some((d) => d.inputVersions)) continue;
      const upKey = definitionKey(deployment, edge.from);
      const upHistory = materializations.get(upKey);
      if (!upHistory?.length) continue;
      const up = versionsOf(upKey, upHistory);
      const samples: HopSample[] = [];
      for (const d of down) {
        const version = d.inputVersions?.[edge.from];
        if (version === undefined) continue;
        const consumed = consumedEvent(up, version, d.at);
        if (consumed) samples.push({ upAt: consumed.at, downAt: d.at });
      }
      if (samples.length === 0) continue;
      const edges = index.get(deployment) ?? new Map<string, HopSample[]>();
      edges.set(edgeKey(edge.from, edge.to), samples);
      index.set(deployment, edges);
    }
  }
  // A request may have built it while this paused: keep the one already shared.
  const built = cache.get(materializations);
  if (built && built.graph === graph) return built.index;
  cache.set(materializations, { graph, index });
  return index;
}
