import type { AssetDefinition } from "@/lib/domain/types";
import { type AssetStatus, unknownStatus } from "@/lib/health/status-types";
import type { DeploymentInput } from "@/lib/snapshot/build-snapshot";

/** An asset status with nothing known, for unit tests; override what matters. */
export function status(extra: Partial<AssetStatus> = {}): AssetStatus {
  return { ...unknownStatus(), ...extra };
}

/** Materialized by a successful run and nothing failing: healthy by any rule. */
export const MATERIALIZED = status({
  lastMaterializedAt: 1_000,
  lastMaterializationRunId: "r1",
  latestRun: { id: "r1", status: "SUCCESS", startedAt: 900, endedAt: 1_000 },
});

/** Materialized, but a check failed: degraded by any rule. */
export const FAILING_CHECK = {
  ...MATERIALIZED,
  checks: [{ name: "c", outcome: "failed" as const }],
};

/** One deployment's collector state: locations by name, statuses by asset id. */
export function deploymentInput(
  deployment: string,
  locations: Record<string, AssetDefinition[]>,
  statuses: Record<string, AssetStatus> = {},
): DeploymentInput {
  return {
    deployment,
    locations: {
      deployment,
      asOf: 1,
      error: null,
      locations: Object.entries(locations).map(([name, assets]) => ({
        deployment,
        name,
        status: "loaded",
        error: null,
        versionKey: "v1",
        updatedAt: 1,
        repositories: ["__repository__"],
        assets,
      })),
    },
    statuses: new Map(Object.entries(statuses)),
    statusesAsOf: 1,
    statusesError: null,
    runs: [],
    runsAsOf: 1,
    runsError: null,
    materializations: new Map(),
  };
}
