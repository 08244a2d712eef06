import "server-only";
import { ALERTS_LEASE } from "@/lib/alerts/alert-store";
import { startAlerts } from "@/lib/alerts/alerts-runtime";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import { inEnvironment, resolveEnvironment } from "@/lib/environments/environments";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { startPlusDiscovery } from "@/lib/environments/plus-discovery-runtime";
import { sampleTeamKpis } from "@/lib/history/kpi-sampling";
import type { KpiStore } from "@/lib/history/kpi-store-types";
import { startInsights } from "@/lib/performance/insights-collector";
import { runtime, runtimeIfReady, runtimeWhenOpen } from "@/lib/runtime/runtime";
import { warmUpSettled, warmUpState } from "@/lib/runtime/warm-up-state";
import { buildSnapshot, deploymentFreshness } from "@/lib/snapshot/build-snapshot";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { DeploymentState } from "./deployment-collector";
import { startFigureWarmer } from "./figure-warmer";

// What pages and routes read: the latest snapshot and the stores. The wiring
// (config, stores, collectors, replicas) is in lib/runtime/runtime.ts.

const KPI_SAMPLE_MS = 3_600_000;
/** Elected like a collector, so replicas record one sample, not one each. */
const KPI_LEASE = "kpi-sampler";

/**
 * Samples each team's KPIs at most hourly, for "change against the previous
 * period", per deployment and location. An unreachable deployment does not
 * stop sampling: its last good data is counted and marked; one never reached
 * is left out of the sample's coverage.
 */
async function sampleKpis(): Promise<void> {
  const rt = await runtime();
  if (!rt.stores.leases.holdsLease(KPI_LEASE)) return;
  const snapshot = await getSnapshot();
  const teams = rt.config.teams.map((t) => t.slug);
  for (const sample of sampleTeamKpis(snapshot, teams, Date.now()))
    await rt.stores.kpis.record(sample, KPI_SAMPLE_MS);
}

/** Starts every collector; called once per server process from instrumentation.ts. */
export function startCollectors(): void {
  const sample = () => void sampleKpis().catch(() => undefined);
  void runtimeWhenOpen().then((rt) => {
    rt.stores.leases.want(KPI_LEASE);
    rt.stores.leases.want(ALERTS_LEASE);
    startPlusDiscovery(rt);
    startInsights(rt.config, (d) =>
      deploymentStates("*")
        .filter((s) => s.deployment === d)
        .flatMap((s) => s.locations.locations.map((l) => l.name)),
    );
    startFigureWarmer(() => getSnapshot(), rt.config.storage);
    void Promise.all(rt.sources.map((s) => s.start())).then(sample);
    void startAlerts({
      snapshot: () => getSnapshot(),
      deploys: rt.stores.deploys,
      isLeader: () => rt.stores.leases.holdsLease(ALERTS_LEASE),
    }).catch((err: unknown) => console.error("healthboard: alerts did not start:", err));
  });
  setInterval(sample, 5 * 60_000).unref();
}

let firstWait: Promise<unknown> | null = null;

/** Waits (once per process, at most `maxWaitMs`) for each deployment's first statuses. */
async function firstData(maxWaitMs: number): Promise<void> {
  const rt = await runtime();
  firstWait ??= Promise.race([
    Promise.all(rt.sources.map((s) => s.start())),
    new Promise((resolve) => setTimeout(resolve, maxWaitMs)),
  ]);
  await firstWait;
}

/**
 * The deployments of one environment (default: prod, docs/environments.md);
 * every deployment with "*". Call after getSnapshot (empty before the runtime is up).
 */
export function deploymentStates(environment?: string): DeploymentState[] {
  const rt = runtimeIfReady();
  if (!rt) return [];
  const states = rt.sources.map((s) => s.state());
  if (environment === "*") return states;
  const names = new Set(inEnvironment(knownDeployments(), environment));
  return states.filter((s) => names.has(s.deployment));
}

/** One environment's shared snapshot (default prod), rebuilt only when a deployment's content changed. */
export async function getSnapshot(environment?: string): Promise<HealthSnapshot> {
  await firstData(20_000);
  const rt = await runtime();
  const states = deploymentStates(environment);
  const generation = states.map((s) => `${s.deployment}:${s.generation}`).join(",");
  // "prod" and "no env" are one snapshot, not two copies of the same one.
  const cacheKey = environment ?? resolveEnvironment(knownDeployments(), null) ?? "";
  let snap = rt.snapshots.get(cacheKey);
  if (snap?.generation !== generation) {
    snap = buildSnapshot(states, rt.config.teams, generation, Date.now(), rt.config.identity, snap);
    rt.snapshots.set(cacheKey, snap);
  }
  // As-of times move on every poll without changing content: read them live.
  return { ...snap, deployments: states.map(deploymentFreshness) };
}

/** The deploy history store (waits for the runtime on first use). */
export function deployStore(): DeployStore {
  const store = async () => (await runtime()).stores.deploys;
  return {
    append: async (events) => (await store()).append(events),
    annotate: async (annotation) => (await store()).annotate(annotation),
    annotations: async (query) => (await store()).annotations(query),
    lastKnown: async (deployment, location) => (await store()).lastKnown(deployment, location),
    list: async (query) => (await store()).list(query),
    saveDefinitions: async (definitions) => (await store()).saveDefinitions(definitions),
    definitions: async (d, l, f) => (await store()).definitions(d, l, f),
    changeMark: async () => (await store()).changeMark(),
    close: async () => (await store()).close(),
  };
}

export function kpiStore(): KpiStore {
  const store = async () => (await runtime()).stores.kpis;
  return {
    record: async (sample, minGapMs) => (await store()).record(sample, minGapMs),
    nearest: async (team, at, toleranceMs) => (await store()).nearest(team, at, toleranceMs),
    close: async () => (await store()).close(),
  };
}

/** For the load balancer (/api/health): ready once every deployment has a state to serve and the first pages are warm. */
export function healthStatus() {
  const rt = runtimeIfReady();
  const deployments =
    rt?.sources.map((s) => ({
      deployment: s.deployment,
      ready: s.ready(),
      collecting: s.collecting(),
      generation: s.state().generation,
    })) ?? [];
  return {
    // A restarted replica's first visitors get warm pages (lib/runtime/page-warm-up.ts).
    ready: !!rt && deployments.every((d) => d.ready) && warmUpSettled(),
    warmUp: warmUpState(),
    store: rt?.stores.kind ?? null,
    replica: rt?.stores.replicaId ?? null,
    deployments,
  };
}
