import { type RunRecord, runTouches } from "@/lib/domain/run-types";
import { type Adjacency, rootCauses } from "@/lib/lineage/graph-algorithms";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import { isFailedRun } from "@/lib/metrics/definitions";
import { type ConsumerAsset, type LocationRef, ownAssetIds, reachable } from "./location-graph";

// Whether a consumer's failure counts against the location it reads from: only
// when the failure's root cause lies in the location's own assets. The root
// cause is the health model's (rootCauses, the lineage panel's "Failed
// upstream"): the DEGRADED assets upstream of the failed one with nothing
// DEGRADED further up. A consumer that fails for its own reasons (its upstream
// healthy) is its own root cause; a location whose assets fail because of a
// third location upstream of it is not the cause either. docs/health-model.md,
// "Deploys and versions", states the rule. Pure.

export interface FailureBlame {
  /** `run` failed `asset`: was the root cause one of the location's assets when the run was created? */
  run(run: RunRecord, asset: ConsumerAsset): boolean;
  /** `asset` is DEGRADED now: is a root cause of that one of the location's assets now? */
  now(asset: ConsumerAsset): boolean;
}

export interface BlameInput {
  graph: LineageGraph;
  at: LocationRef;
  /** The runs Healthboard holds (every deployment); the past health is read from them. */
  runs: readonly RunRecord[];
  /** Whether an asset (its definition in a deployment) is DEGRADED now (`isDegraded`). */
  degradedNow: (deployment: string, assetId: string) => boolean;
}

export function failureBlame(input: BlameInput): FailureBlame {
  const own = new Set(ownAssetIds(input.graph, input.at));
  const causedHere = (start: string, degraded: (id: string) => boolean) => {
    const ancestors = reachable(input.graph.upstream, [start]).filter((id) => id !== start);
    // Cheap answer first: nothing of the location's is degraded upstream.
    if (!ancestors.some((id) => own.has(id) && degraded(id))) return false;
    const ids = [start, ...ancestors];
    const index = new Map(ids.map((id, i) => [id, i]));
    const upstream: Adjacency = ids.map((id) =>
      (input.graph.upstream.get(id) ?? []).flatMap((up) => {
        const i = index.get(up);
        return i === undefined ? [] : [i];
      }),
    );
    const roots = rootCauses(upstream, 0, {
      degraded: (i) => i === 0 || degraded(ids[i] as string),
      warning: () => false,
    });
    return roots.failed.some((i) => own.has(ids[i] as string));
  };
  return {
    run: (run, asset) =>
      causedHere(asset.assetId, (id) =>
        degradedBefore(
          runsByAsset(input.runs).get(`${asset.deployment}\u0000${id}`),
          id,
          run.createdAt,
        ),
      ),
    now: (asset) =>
      input.degradedNow(asset.deployment, asset.assetId) &&
      causedHere(asset.assetId, (id) => input.degradedNow(asset.deployment, id)),
  };
}

/** Built once per runs list (a snapshot's runs never change) and only when a failure is judged. */
const indexes = new WeakMap<readonly RunRecord[], Map<string, RunRecord[]>>();

/** Per (deployment, asset id): the runs that planned or failed it, oldest first. */
function runsByAsset(runs: readonly RunRecord[]): Map<string, RunRecord[]> {
  const hit = indexes.get(runs);
  if (hit) return hit;
  const by = new Map<string, RunRecord[]>();
  for (const run of runs) {
    for (const id of new Set([...run.plannedAssetIds, ...run.failedAssetIds])) {
      const key = `${run.deployment}\u0000${id}`;
      const list = by.get(key);
      if (list) list.push(run);
      else by.set(key, [run]);
    }
  }
  for (const list of by.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  indexes.set(runs, by);
  return by;
}

/**
 * The health model's materialization rule read at a past time: DEGRADED when
 * the latest run created before `at` that planned the asset failed and did not
 * materialize it. Checks and freshness have no past Healthboard can read.
 */
function degradedBefore(runs: RunRecord[] | undefined, id: string, at: number): boolean {
  let latest: RunRecord | undefined;
  for (const run of runs ?? []) {
    if (run.createdAt >= at) break;
    if (runTouches(run, id)) latest = run;
  }
  return (
    latest !== undefined && isFailedRun(latest) && !(latest.materializedAssetIds ?? []).includes(id)
  );
}
