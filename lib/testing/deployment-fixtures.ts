import type { AssetDefinition } from "@/lib/domain/types";
import { type AssetStatus, unknownStatus } from "@/lib/health/status-types";
import type { DeploymentInput } from "@/lib/snapshot/build-snapshot";

const H = 3_600_000;

/** A status whose latest run succeeded at `at`. */
export function okStatus(at: number): AssetStatus {
  return {
    ...unknownStatus(),
    lastMaterializedAt: at,
    lastMaterializationRunId: "r",
    latestRun: { id: "r", status: "SUCCESS", startedAt: at - 1, endedAt: at },
  };
}

/** A status whose latest run failed at `at`, after a success an hour earlier. */
export function failedStatus(at: number): AssetStatus {
  return {
    ...okStatus(at - H),
    latestRun: { id: "f", status: "FAILURE", startedAt: at - 1, endedAt: at },
  };
}

/**
 * A deployment's collector state for unit tests: its definitions grouped into
 * locations, fetched at `fetchedAt` (null: never answered). `reachable` false
 * keeps that last good data and records an error, as the collectors do.
 */
export function deploymentInput(
  name: string,
  assets: [AssetDefinition, AssetStatus][],
  fetchedAt: number | null,
  reachable = true,
  extra: Partial<DeploymentInput> = {},
): DeploymentInput {
  const byLocation = new Map<string, AssetDefinition[]>();
  for (const [a] of assets) byLocation.set(a.location, [...(byLocation.get(a.location) ?? []), a]);
  const error = reachable ? null : "connect ECONNREFUSED";
  return {
    deployment: name,
    locations: {
      deployment: name,
      asOf: fetchedAt,
      error,
      locations: [...byLocation].map(([location, defs]) => ({
        deployment: name,
        name: location,
        status: "loaded" as const,
        error: null,
        versionKey: "v1",
        updatedAt: 0,
        repositories: ["__repository__"],
        assets: defs,
      })),
    },
    statuses: new Map(fetchedAt === null ? [] : assets.map(([a, s]) => [a.id, s])),
    statusesAsOf: fetchedAt,
    statusesError: error,
    runs: [],
    runsAsOf: fetchedAt,
    runsError: error,
    materializations: new Map(),
    ...extra,
  };
}
