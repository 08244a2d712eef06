import type { DeploymentFreshness } from "@/lib/snapshot/snapshot-types";
import type { OverviewDeployment } from "./overview-model";

// Browser-safe: the lineage page imports this, so it holds types and one
// mapping only (overview-model.ts builds the overview on the server).

/** The overview's deployments as the data-age banner reads them (one as-of per deployment). */
export function deploymentFreshness(
  deployments: OverviewDeployment[] | undefined,
): DeploymentFreshness[] {
  return (deployments ?? []).map((d) => ({
    deployment: d.name,
    locationsAsOf: d.asOf,
    statusesAsOf: d.asOf,
    runsAsOf: d.asOf,
    errors: d.error ? [d.error] : [],
  }));
}
