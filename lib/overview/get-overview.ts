import "server-only";
import { deploymentStates, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { BlastIndex } from "./failing-now";
import { buildOverview, type Overview } from "./overview-model";

// The blast-radius index of the current snapshot: built once per snapshot
// generation and shared by every overview request until the graph changes.
let blastCache: { generation: string; index: BlastIndex } | null = null;

export async function getOverview(): Promise<Overview> {
  const snapshot = await getSnapshot();
  if (blastCache?.generation !== snapshot.generation) {
    blastCache = { generation: snapshot.generation, index: new BlastIndex(snapshot.graph) };
  }
  return buildOverview(
    loadConfig(),
    deploymentStates().map((s) => s.locations),
    snapshot,
    blastCache.index,
  );
}
