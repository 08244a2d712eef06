import type { DeploymentSnapshot } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import type { DeploymentInput } from "@/lib/snapshot/build-snapshot";
import { syntheticDefinitions } from "./synthetic-definitions";

// One deployment's collector state over N synthetic definitions, and the 12
// teams that own them: the input of the snapshot and alert benchmarks.
// Every 17th asset's latest run failed; a third of the freshness policies fail.

export function syntheticInput(n: number): DeploymentInput {
  const defs = syntheticDefinitions(n);
  const byLocation = new Map<string, typeof defs>();
  for (const d of defs) byLocation.set(d.location, [...(byLocation.get(d.location) ?? []), d]);
  const locations: DeploymentSnapshot = {
    deployment: "prod",
    asOf: Date.now(),
    error: null,
    locations: [...byLocation].map(([name, assets]) => ({
      deployment: "prod",
      name,
      status: "loaded",
      error: null,
      versionKey: "v1",
      updatedAt: Date.now(),
      repositories: ["__repository__"],
      assets,
    })),
  };
  const statuses = new Map<string, AssetStatus>();
  defs.forEach((d, i) => {
    statuses.set(d.id, {
      lastMaterializedAt: Date.now() - i * 1000,
      lastMaterializationRunId: `r${i}`,
      lastObservedAt: null,
      observableSource: false,
      lastFailedAt: null,
      latestRun: {
        id: i % 17 === 0 ? `f${i}` : `r${i}`,
        status: i % 17 === 0 ? "FAILURE" : "SUCCESS",
        startedAt: 1,
        endedAt: Date.now(),
      },
      inProgressRunIds: [],
      hasFreshnessPolicy: d.freshnessPolicy !== null,
      freshness: d.freshnessPolicy ? (i % 3 === 0 ? "DEGRADED" : "HEALTHY") : null,
      checks: null,
      partitions: null,
      plusHealth: null,
    });
  });
  return {
    deployment: "prod",
    locations,
    statuses,
    statusesAsOf: Date.now(),
    statusesError: null,
    runs: [],
    runsAsOf: Date.now(),
    runsError: null,
    materializations: new Map(),
  };
}

export const syntheticTeams = Array.from({ length: 12 }, (_, i) => {
  const t = `team_${String(i).padStart(2, "0")}`;
  return { slug: t, name: t, owners: [`team:${t}`], locations: [] };
});
