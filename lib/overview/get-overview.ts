import "server-only";
import { deploymentStates, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { buildOverview, type Overview } from "./overview-model";

export async function getOverview(): Promise<Overview> {
  const snapshot = await getSnapshot();
  return buildOverview(
    loadConfig(),
    deploymentStates().map((s) => s.locations),
    snapshot,
  );
}
