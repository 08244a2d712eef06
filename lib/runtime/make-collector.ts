import "server-only";
import {
  dagsterAssetStatusSource,
  dagsterChangedRunsSource,
  dagsterLocationSource,
  dagsterMaterializationSource,
  dagsterRunSource,
} from "@/lib/collector/dagster-sources";
import { DeploymentCollector } from "@/lib/collector/deployment-collector";
import type { DeploymentConfig, HealthboardConfig } from "@/lib/config/config-schema";
import { BackoffGate } from "@/lib/dagster/backoff-gate";
import type { DeployStore } from "@/lib/deploys/deploy-types";

/**
 * Cool-downs after failures stay within a few location polls (5–30 s), so
 * recovery is noticed soon after Dagster is back, unless the config sets one.
 */
function backoffCeilingMs(r: HealthboardConfig["refresh"]): number {
  if (r.maxBackoffSeconds !== undefined) return r.maxBackoffSeconds * 1000;
  return Math.min(30_000, Math.max(5_000, 6 * r.locationStatusSeconds * 1000));
}

/** A collector for one configured deployment, polling on the configured intervals. */
export function makeCollector(
  d: DeploymentConfig,
  config: Pick<HealthboardConfig, "refresh" | "storage">,
  deploys: DeployStore,
): DeploymentCollector {
  const r = config.refresh;
  const target = {
    deployment: d.name,
    kind: d.kind,
    graphqlUrl: d.graphqlUrl,
    tokenEnv: d.tokenEnv,
    timeoutMs: r.requestTimeoutSeconds * 1000,
    gate: new BackoffGate({ maxMs: backoffCeilingMs(r) }),
  };
  return new DeploymentCollector(
    d.name,
    {
      locations: dagsterLocationSource(target),
      statuses: dagsterAssetStatusSource(target),
      materializations: dagsterMaterializationSource(target, config.storage.sizeKeys),
      runs: (repositoriesOf) => dagsterRunSource(target, repositoriesOf),
      changes: r.incremental ? dagsterChangedRunsSource(target) : undefined,
    },
    deploys,
    {
      locationIntervalMs: r.locationStatusSeconds * 1000,
      assetIntervalMs: r.assetStatusSeconds * 1000,
      runsIntervalMs: r.runsSeconds * 1000,
      runsWindowMs: r.runsWindowDays * 86_400_000,
      batchSize: r.assetBatchSize,
      parallelism: r.assetParallelism,
      sweepMs: r.sweepSeconds * 1000,
      followUpMs: r.followUpSeconds * 1000,
    },
  );
}
