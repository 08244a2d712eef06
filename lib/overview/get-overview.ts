import "server-only";
import { allDeploymentSnapshots } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { buildOverview, type Overview } from "./overview-model";

export async function getOverview(): Promise<Overview> {
  return buildOverview(loadConfig(), await allDeploymentSnapshots());
}
