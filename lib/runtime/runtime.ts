import "server-only";
import type { DeploymentConfig, HealthboardConfig } from "@/lib/config/config-schema";
import { loadConfig } from "@/lib/config/load-config";
import { readToken, serverEnv } from "@/lib/env";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { openStores } from "@/lib/store/open-stores";
import type { Stores } from "@/lib/store/stores";
import { type DeploymentSource, LocalDeployment } from "./deployment-source";
import { makeCollector } from "./make-collector";
import { ReplicatedDeployment } from "./replicated-deployment";

// The composition root: config, stores, and one source per deployment (its
// own collector for a single instance; the elected collector's publications
// for replicas on PostgreSQL). Kept on globalThis so dev-mode module reloads
// do not multiply the polling loops.

export interface Runtime {
  config: HealthboardConfig;
  stores: Stores;
  /** Configured deployments first; deployments found in Dagster+ join and leave at run time. */
  sources: DeploymentSource[];
  /** A source for one deployment, collected as the configured ones are (used for discovered ones). */
  sourceFor: (d: DeploymentConfig) => DeploymentSource;
  /** One snapshot per environment: pages show one environment at a time. */
  snapshots: Map<string, HealthSnapshot>;
}

const holder = globalThis as typeof globalThis & {
  __healthboard?: Promise<Runtime>;
  __healthboardReady?: Runtime;
  __healthboardOpen?: Promise<Runtime>;
};

/** Pause before opening an unreachable store again: a database starting beside us takes seconds. */
const STORE_RETRY_MS = 5_000;

async function createRuntime(): Promise<Runtime> {
  const config = loadConfig();
  const stores = await openStores(config.store, serverEnv().HEALTHBOARD_DATA_DIR, readToken);
  const sourceFor = (d: DeploymentConfig): DeploymentSource => {
    const make = () => makeCollector(d, config, stores.deploys);
    if (!stores.states) return new LocalDeployment(make());
    return new ReplicatedDeployment(d.name, make, stores.leases, stores.states, stores.replicaId, {
      publishEveryMs: 500,
      pollEveryMs: Math.max(2_000, config.refresh.locationStatusSeconds * 1000),
    });
  };
  const sources: DeploymentSource[] = config.deployments.map(sourceFor);
  stores.states?.subscribe((deployment) =>
    sources.find((s) => s.deployment === deployment)?.notified(),
  );
  // A clean stop (a rolling restart) hands every lease over at once.
  process.once("SIGTERM", () => void stores.leases.close());
  const rt: Runtime = { config, stores, sources, sourceFor, snapshots: new Map() };
  holder.__healthboardReady = rt;
  return rt;
}

export function runtime(): Promise<Runtime> {
  holder.__healthboard ??= createRuntime().catch((err: unknown) => {
    // The store is unreachable (or misconfigured): say so, and let the next caller retry.
    console.error(
      `healthboard: cannot open the store: ${err instanceof Error ? err.message : err}`,
    );
    holder.__healthboard = undefined;
    throw err;
  });
  return holder.__healthboard;
}

/**
 * The runtime once its store has opened, however long that takes: replicas may
 * start before their database. One retry loop per process for every waiter
 * (the collectors, the page warm-up).
 */
export function runtimeWhenOpen(): Promise<Runtime> {
  holder.__healthboardOpen ??= (async () => {
    for (;;) {
      try {
        return await runtime();
      } catch {
        // runtime() has logged why; try again after a pause.
        await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS).unref());
      }
    }
  })();
  return holder.__healthboardOpen;
}

/** The runtime if it is up already (for probes that must not wait). */
export function runtimeIfReady(): Runtime | null {
  return holder.__healthboardReady ?? null;
}
