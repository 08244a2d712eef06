import type { MaterializationRecord } from "@/lib/domain/run-types";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { percentile } from "@/lib/teams/execution-times";
import type { TimeWindow } from "@/lib/teams/time-range";
import { consumedEvent, edgeKey, type HopIndex, versionIndex } from "./consumption";
import { runNow, type Steps } from "./slices";

// End-to-end latency of chains of assets that cross code locations: per hop,
// the time from an upstream materialization to the downstream materialization
// that consumed it (lib/performance/consumption.ts), and end to end, the time
// from the first asset's materialization to the last consumer's that it led
// to, traced back hop by hop through what each event consumed. Percentiles are
// over events whose downstream (last) materialization falls in the window.

export const LATENCY_SOURCE =
  "data versions Dagster recorded on materializations (dagster/input_data_version)";
/** Chains listed at most per deployment: a bound on path enumeration in large graphs. */
export const MAX_CHAINS = 50;
const MAX_DEPTH = 16;

export interface LatencyStats {
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface ChainAsset {
  id: string;
  key: string[];
  location: string | null;
}

export interface LatencyHop extends LatencyStats {
  from: string;
  to: string;
  crossLocation: boolean;
}

export interface LatencyChain {
  deployment: string;
  assets: ChainAsset[];
  hops: LatencyHop[];
  endToEnd: LatencyStats;
  /** Index in `hops` of the hop with the highest p50; null when no hop has samples. */
  slowestHop: number | null;
}

export interface LatencyReport {
  source: string;
  chains: LatencyChain[];
  /** More chains exist than MAX_CHAINS in some deployment. */
  truncated: boolean;
}

function stats(values: number[]): LatencyStats {
  const sorted = values.sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
}

const locationIn = (graph: LineageGraph, deployment: string, id: string): string | null => {
  const node = graph.nodes.get(id);
  const owned = node?.owned.flatMap((o) => o.definitions) ?? [];
  return (
    owned.find((d) => d.deployment === deployment)?.location ??
    node?.definitions.find((d) => d.deployment === deployment)?.location ??
    null
  );
};

const chainCache = new WeakMap<object, { chains: string[][]; truncated: boolean }>();

/**
 * Chains of measured hops in one deployment: each starts at the upstream end of
 * a hop into another code location that is not itself downstream of such a
 * hop, and follows measured hops to an asset with none further; only paths that
 * cross a location count.
 */
export function measuredChains(
  graph: LineageGraph,
  deployment: string,
  edges: ReadonlyMap<string, unknown>,
): { chains: string[][]; truncated: boolean } {
  return runNow(measuredChainsSteps(graph, deployment, edges));
}

/** Edges, or paths walked, between two pauses of measuredChainsSteps. */
const CHAIN_WORK_PER_STEP = 256;

function* measuredChainsSteps(
  graph: LineageGraph,
  deployment: string,
  edges: ReadonlyMap<string, unknown>,
): Steps<{ chains: string[][]; truncated: boolean }> {
  let work = 0;
  const next = new Map<string, string[]>();
  const location = new Map<string, string | null>();
  const locOf = (id: string) => {
    if (!location.has(id)) location.set(id, locationIn(graph, deployment, id));
    return location.get(id) ?? null;
  };
  const crosses = (from: string, to: string) => locOf(from) !== locOf(to);
  const crossings: [string, string][] = [];
  for (const k of edges.keys()) {
    if (++work % CHAIN_WORK_PER_STEP === 0) yield;
    const [from, to] = k.split("\u0000") as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
    if (crosses(from, to)) crossings.push([from, to]);
  }
  // Everything reachable from the downstream end of a crossing.
  const downstreamOfCrossing = new Set<string>();
  const queue = crossings.map(([, to]) => to);
  while (queue.length) {
    if (++work % CHAIN_WORK_PER_STEP === 0) yield;
    const id = queue.pop() as string;
    if (downstreamOfCrossing.has(id)) continue;
    downstreamOfCrossing.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  const starts = [...new Set(crossings.map(([from]) => from))]
    .filter((id) => !downstreamOfCrossing.has(id))
    .sort();
  const chains: string[][] = [];
  let truncated = false;
  function* walk(path: string[], crossed: boolean): Steps<void> {
    if (++work % CHAIN_WORK_PER_STEP === 0) yield;
    if (chains.length >= MAX_CHAINS) {
      truncated = true;
      return;
    }
    const last = path.at(-1) as string;
    const onward = (next.get(last) ?? []).filter((id) => !path.includes(id)).sort();
    if (onward.length === 0 || path.length >= MAX_DEPTH) {
      if (crossed) chains.push(path);
      return;
    }
    for (const id of onward) yield* walk([...path, id], crossed || crosses(last, id));
  }
  for (const s of starts) yield* walk([s], false);
  return { chains, truncated };
}

/** measuredChains, found once per hop index (chains change only with it) and shared by every team. */
export function chainsOf(
  graph: LineageGraph,
  deployment: string,
  edges: ReadonlyMap<string, unknown>,
): { chains: string[][]; truncated: boolean } {
  return runNow(chainsOfSteps(graph, deployment, edges));
}

/** chainsOf in steps (lib/performance/slices.ts), cached the same way: for the figure warmer. */
export function* chainsOfSteps(
  graph: LineageGraph,
  deployment: string,
  edges: ReadonlyMap<string, unknown>,
): Steps<{ chains: string[][]; truncated: boolean }> {
  const hit = chainCache.get(edges);
  if (hit) return hit;
  const found = yield* measuredChainsSteps(graph, deployment, edges);
  // A request may have found them while this paused: keep the ones already shared.
  const built = chainCache.get(edges);
  if (built) return built;
  chainCache.set(edges, found);
  return found;
}

/** Per-hop and end-to-end latency of one path of assets in one deployment. */
export function pathLatency(
  graph: LineageGraph,
  deployment: string,
  path: readonly string[],
  index: HopIndex,
  materializations: ReadonlyMap<string, readonly MaterializationRecord[]>,
  window: TimeWindow,
): LatencyChain {
  const edges = index.get(deployment);
  const inWindow = (at: number) => at >= window.since && at < window.until;
  const hops: LatencyHop[] = [];
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1] as string;
    const to = path[i] as string;
    const samples = (edges?.get(edgeKey(from, to)) ?? []).filter((s) => inWindow(s.downAt));
    hops.push({
      from,
      to,
      crossLocation: locationIn(graph, deployment, from) !== locationIn(graph, deployment, to),
      ...stats(samples.map((s) => s.downAt - s.upAt)),
    });
  }
  const historyOf = (id: string) => materializations.get(definitionKey(deployment, id)) ?? [];
  const versions = path.map((id) => versionIndex(historyOf(id)));
  const endToEnd: number[] = [];
  for (const last of historyOf(path.at(-1) as string)) {
    if (!inWindow(last.at)) continue;
    // Trace back what each event consumed to the first asset of the path.
    let event: MaterializationRecord | null = last;
    for (let i = path.length - 1; i > 0 && event !== null; i--) {
      const up = versions[i - 1];
      const version: string | undefined = event.inputVersions?.[path[i - 1] as string];
      event = version === undefined || !up ? null : consumedEvent(up, version, event.at);
    }
    if (event) endToEnd.push(last.at - event.at);
  }
  let slowestHop: number | null = null;
  hops.forEach((h, i) => {
    if (h.p50Ms !== null && (slowestHop === null || h.p50Ms > (hops[slowestHop]?.p50Ms ?? 0)))
      slowestHop = i;
  });
  return {
    deployment,
    assets: path.map((id) => ({
      id,
      key: graph.nodes.get(id)?.key ?? [id],
      location: locationIn(graph, deployment, id),
    })),
    hops,
    endToEnd: stats(endToEnd),
    slowestHop,
  };
}

/** The chains that include one of `scope` (per deployment: asset ids), with their latency. */
export function latencyReport(
  graph: LineageGraph,
  index: HopIndex,
  materializations: ReadonlyMap<string, readonly MaterializationRecord[]>,
  window: TimeWindow,
  scope: ReadonlyMap<string, ReadonlySet<string>>,
): LatencyReport {
  const chains: LatencyChain[] = [];
  let truncated = false;
  for (const [deployment, edges] of [...index].sort(([a], [b]) => a.localeCompare(b))) {
    const ids = scope.get(deployment);
    if (!ids) continue;
    const found = chainsOf(graph, deployment, edges);
    truncated ||= found.truncated;
    for (const path of found.chains) {
      if (!path.some((id) => ids.has(id))) continue;
      chains.push(pathLatency(graph, deployment, path, index, materializations, window));
    }
  }
  return { source: LATENCY_SOURCE, chains, truncated };
}
