import "server-only";
import { deploymentStates, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { inEnvironment } from "@/lib/environments/environments";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { BlastIndex } from "./failing-now";
import {
  buildOverview,
  type Overview,
  type OverviewDeployment,
  overviewDeployments,
} from "./overview-model";

// The blast-radius index of the current snapshot: built once per snapshot
// generation and shared by every overview request until the graph changes.
let blastCache: { generation: string; index: BlastIndex } | null = null;

/** The config with the deployments of one environment, those found in Dagster+ included. */
function environmentConfig(environment: string | undefined) {
  const deployments = knownDeployments();
  const shown = new Set(inEnvironment(deployments, environment));
  return { ...loadConfig(), deployments: deployments.filter((d) => shown.has(d.name)) };
}

/** One environment's overview (default prod, docs/environments.md). */
export async function getOverview(environment?: string): Promise<Overview> {
  const snapshot = await getSnapshot(environment);
  if (blastCache?.generation !== snapshot.generation) {
    blastCache = { generation: snapshot.generation, index: new BlastIndex(snapshot.graph) };
  }
  return buildOverview(
    environmentConfig(environment),
    deploymentStates(environment).map((s) => s.locations),
    snapshot,
    blastCache.index,
  );
}

/**
 * The overview's deployments alone, for pages that show only the age of the
 * data (the lineage page's banner): without the team tiles and the failing-now
 * triage, which walk every asset of the snapshot.
 */
export async function getOverviewDeployments(environment?: string): Promise<OverviewDeployment[]> {
  return overviewDeployments(
    environmentConfig(environment),
    deploymentStates(environment).map((s) => s.locations),
    await getSnapshot(environment),
  );
}
