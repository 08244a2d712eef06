import type { RunRecord } from "@/lib/domain/run-types";
import { perSnapshotSteps } from "@/lib/snapshot/snapshot-memo";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { TeamAsset } from "@/lib/teams/team-assets";
import type { TimeWindow } from "@/lib/teams/time-range";
import { type ComputeReport, computeReport } from "./compute-report";
import { hopIndex } from "./consumption";
import { withInsights } from "./insights-compute";
import { type LatencyReport, latencyReport } from "./latency-report";
import type { Steps } from "./slices";
import type { StorageConfig } from "./storage-config";
import {
  type QuotaForecast,
  quotaForecast,
  type StorageAssetInput,
  type StorageReport,
  storageReport,
} from "./storage-report";
import type { DeploymentInsights } from "./to-insights";

// A team page's compute, latency and storage, from the shared snapshot only
// (runs with step stats and materialization history the collectors hold): no
// request to Dagster per viewer. Pure.

export interface TeamPerformance {
  compute: ComputeReport;
  latency: LatencyReport;
  storage: StorageReport;
}

/** Quota forecasts per materialization history, by quota and window: storage-wide, so shared by every team. */
const quotaCache = new WeakMap<object, Map<string, QuotaForecast>>();

/**
 * Every owned definition of the snapshot as a storage input (the quota's
 * scope is storage-wide, not one team's): built once per snapshot content.
 */
export const allStorageInputs = perSnapshotSteps(function* (snapshot): Steps<StorageAssetInput[]> {
  const out: StorageAssetInput[] = [];
  let n = 0;
  for (const node of snapshot.graph.nodes.values()) {
    if (++n % 512 === 0) yield;
    for (const owned of node.owned) {
      for (const d of owned.definitions) {
        const history = snapshot.materializations.get(definitionKey(d.deployment, node.id));
        if (history?.length)
          out.push({
            deployment: d.deployment,
            location: d.location,
            id: node.id,
            key: node.key,
            history,
          });
      }
    }
  }
  return out;
});

export function teamPerformance(input: {
  snapshot: HealthSnapshot;
  assets: readonly TeamAsset[];
  runs: readonly RunRecord[];
  window: TimeWindow;
  storage: StorageConfig;
  /** Dagster+ deployments' Insights (lib/performance/insights-collector.ts); none for open source. */
  insights?: readonly DeploymentInsights[];
}): TeamPerformance {
  const { snapshot, assets, window } = input;
  const scope = new Map<string, Set<string>>();
  for (const a of assets) {
    const ids = scope.get(a.def.deployment) ?? new Set<string>();
    ids.add(a.node.id);
    scope.set(a.def.deployment, ids);
  }
  const teamInputs: StorageAssetInput[] = assets.map((a) => ({
    deployment: a.def.deployment,
    location: a.def.location,
    id: a.node.id,
    key: a.node.key,
    history: snapshot.materializations.get(definitionKey(a.def.deployment, a.node.id)) ?? [],
  }));
  const teamLocations = new Set(assets.map((a) => `${a.def.deployment}\u0000${a.def.location}`));
  const everything = input.storage.quotas.length ? allStorageInputs(snapshot) : [];
  const quotas = input.storage.quotas
    .map((quota) => ({
      quota,
      assets: everything.filter(
        (a) =>
          (quota.deployment === undefined || a.deployment === quota.deployment) &&
          (quota.locations.length === 0 || quota.locations.includes(a.location)),
      ),
    }))
    // A quota concerns the team when one of its assets is in the team's locations.
    .filter((q) => q.assets.some((a) => teamLocations.has(`${a.deployment}\u0000${a.location}`)));
  const cached = quotaCache.get(snapshot.materializations) ?? new Map<string, QuotaForecast>();
  quotaCache.set(snapshot.materializations, cached);
  const forecasts = quotas.map(({ quota, assets: inQuota }) => {
    const key = JSON.stringify([quota, window.since, window.until, window.bucketMs]);
    let f = cached.get(key);
    if (!f) {
      f = quotaForecast(quota, inQuota, window);
      if (cached.size >= 64) cached.clear(); // windows move each minute: keep only recent ones
      cached.set(key, f);
    }
    return f;
  });
  return {
    compute: withInsights(
      computeReport(input.runs, window),
      input.insights ?? [],
      assets.map((a) => ({
        deployment: a.def.deployment,
        location: a.def.location,
        id: a.node.id,
      })),
      window,
    ),
    latency: latencyReport(
      snapshot.graph,
      hopIndex(snapshot.graph, snapshot.materializations),
      snapshot.materializations,
      window,
      scope,
    ),
    storage: storageReport(teamInputs, window, forecasts),
  };
}
