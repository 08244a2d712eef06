import "server-only";
import { deploymentStates, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { inEnvironment } from "@/lib/environments/environments";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { BlastIndex } from "./failing-now";
import { buildOverview, type Overview } from "./overview-model";

// The blast-radius index of the current snapshot: built once per snapshot
// generation and shared by every overview request until the graph changes.
let blastCache: { generation: string; index: BlastIndex } | null = null;

/** One environment's overview (default prod, docs/environments.md). */
export async function getOverview(environment?: string): Promise<Overview> {
  const snapshot = await getSnapshot(environment);
  if (blastCache?.generation !== snapshot.generation) {
    blastCache = { generation: snapshot.generation, index: new BlastIndex(snapshot.graph) };
  }
  const config = loadConfig();
  const deployments = knownDeployments(); // with those found in Dagster+
  const shown = new Set(inEnvironment(deployments, environment));
  return buildOverview(
    { ...config, deployments: deployments.filter((d) => shown.has(d.name)) },
    deploymentStates(environment).map((s) => s.locations),
    snapshot,
    blastCache.index,
  );
}
