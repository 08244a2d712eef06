import "server-only";
import { loadConfig } from "@/lib/config/load-config";
import type { DeploymentSnapshot } from "@/lib/domain/types";
import { dagsterLocationSource } from "./dagster-location-source";
import { LocationCollector } from "./location-collector";

// One collector per configured deployment per server process. Kept on
// globalThis so that dev-mode module reloads do not multiply upstream load.

const registry = globalThis as typeof globalThis & {
  __healthboardCollectors?: Map<string, LocationCollector>;
};

function collectors(): Map<string, LocationCollector> {
  if (!registry.__healthboardCollectors) {
    const config = loadConfig();
    const map = new Map<string, LocationCollector>();
    for (const d of config.deployments) {
      const target = {
        deployment: d.name,
        kind: d.kind,
        graphqlUrl: d.graphqlUrl,
        tokenEnv: d.tokenEnv,
        timeoutMs: config.refresh.requestTimeoutSeconds * 1000,
      };
      map.set(
        d.name,
        new LocationCollector(d.name, dagsterLocationSource(target), {
          maxAgeMs: config.refresh.locationStatusSeconds * 1000,
        }),
      );
    }
    registry.__healthboardCollectors = map;
  }
  return registry.__healthboardCollectors;
}

/** Every deployment's latest snapshot; a failing deployment never blocks the others. */
export async function allDeploymentSnapshots(): Promise<DeploymentSnapshot[]> {
  return Promise.all([...collectors().values()].map((c) => c.snapshot()));
}
