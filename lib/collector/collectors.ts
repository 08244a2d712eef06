import "server-only";
import path from "node:path";
import { startAlerts } from "@/lib/alerts/alerts-runtime";
import type { HealthboardConfig } from "@/lib/config/config-schema";
import { loadConfig } from "@/lib/config/load-config";
import { BackoffGate } from "@/lib/dagster/backoff-gate";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import { serverEnv } from "@/lib/env";
import { inEnvironment } from "@/lib/environments/environments";
import { startPlusDiscovery } from "@/lib/environments/plus-discovery-runtime";
import { sampleTeamKpis } from "@/lib/history/kpi-sampling";
import { SqliteKpiStore } from "@/lib/history/kpi-store";
import { buildSnapshot, deploymentFreshness } from "@/lib/snapshot/build-snapshot";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import {
  dagsterAssetStatusSource,
  dagsterChangedRunsSource,
  dagsterLocationSource,
  dagsterMaterializationSource,
  dagsterRunSource,
} from "./dagster-sources";
import { DeploymentCollector, type DeploymentState } from "./deployment-collector";

// The process-wide runtime: one collector per configured deployment, the
// deploy store, and the latest snapshot. Kept on globalThis so dev-mode module
// reloads do not multiply the polling loops.

interface Runtime {
  config: HealthboardConfig;
  collectors: DeploymentCollector[];
  deploys: DeployStore;
  kpis: SqliteKpiStore;
  /** One snapshot per environment: pages show one environment at a time. */
  snapshots: Map<string, HealthSnapshot>;
}

const holder = globalThis as typeof globalThis & { __healthboard?: Runtime };

/**
 * Cool-downs after failures stay within a few location polls (5–60 s), so
 * recovery is noticed soon after Dagster is back, unless the config sets one.
 */
function backoffCeilingMs(r: HealthboardConfig["refresh"]): number {
  if (r.maxBackoffSeconds !== undefined) return r.maxBackoffSeconds * 1000;
  return Math.min(60_000, Math.max(5_000, 6 * r.locationStatusSeconds * 1000));
}

function createRuntime(): Runtime {
  const config = loadConfig();
  const dataDir = serverEnv().HEALTHBOARD_DATA_DIR;
  const deploys = new SqliteDeployStore(path.join(dataDir, "deploys.sqlite"));
  const kpis = new SqliteKpiStore(path.join(dataDir, "kpis.sqlite"));
  const r = config.refresh;
  const collectors = config.deployments.map((d) => {
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
  });
  return { config, collectors, deploys, kpis, snapshots: new Map() };
}

function runtime(): Runtime {
  holder.__healthboard ??= createRuntime();
  return holder.__healthboard;
}

const KPI_SAMPLE_MS = 3_600_000;

/**
 * Samples each team's KPIs at most hourly, for "change against the previous
 * period", per deployment and location. An unreachable deployment does not
 * stop sampling: its last good data is counted and marked; one never reached
 * is left out of the sample's coverage.
 */
async function sampleKpis(): Promise<void> {
  const rt = runtime();
  const snapshot = await getSnapshot();
  const teams = rt.config.teams.map((t) => t.slug);
  for (const sample of sampleTeamKpis(snapshot, teams, Date.now()))
    rt.kpis.record(sample, KPI_SAMPLE_MS);
}

/** Starts every collector; called once per server process from instrumentation.ts. */
export function startCollectors(): void {
  const rt = runtime();
  startPlusDiscovery(rt.config);
  const sample = () => void sampleKpis().catch(() => undefined);
  void Promise.all(rt.collectors.map((c) => c.start())).then(sample);
  setInterval(sample, 5 * 60_000).unref();
  startAlerts({ snapshot: getSnapshot, deploys: rt.deploys });
}

let firstWait: Promise<unknown> | null = null;

/** Waits (once per process, at most `maxWaitMs`) for each deployment's first statuses. */
async function firstData(maxWaitMs: number): Promise<void> {
  firstWait ??= Promise.race([
    Promise.all(runtime().collectors.map((c) => c.start())),
    new Promise((resolve) => setTimeout(resolve, maxWaitMs)),
  ]);
  await firstWait;
}

/** The deployments of one environment (default: prod, docs/environments.md); every deployment with "*". */
export function deploymentStates(environment?: string): DeploymentState[] {
  const rt = runtime();
  const states = rt.collectors.map((c) => c.state());
  if (environment === "*") return states;
  const names = new Set(inEnvironment(rt.config.deployments, environment));
  return states.filter((s) => names.has(s.deployment));
}

/** One environment's shared snapshot (default prod), rebuilt only when a collector's content changed. */
export async function getSnapshot(environment?: string): Promise<HealthSnapshot> {
  await firstData(20_000);
  const rt = runtime();
  const states = deploymentStates(environment);
  const generation = states.map((s) => `${s.deployment}:${s.generation}`).join(",");
  const cacheKey = environment ?? "";
  let snap = rt.snapshots.get(cacheKey);
  if (snap?.generation !== generation) {
    snap = buildSnapshot(states, rt.config.teams, generation, Date.now(), rt.config.identity);
    rt.snapshots.set(cacheKey, snap);
  }
  // As-of times move on every poll without changing content: read them live.
  return { ...snap, deployments: states.map(deploymentFreshness) };
}

export function deployStore(): DeployStore {
  return runtime().deploys;
}

export function kpiStore(): SqliteKpiStore {
  return runtime().kpis;
}
