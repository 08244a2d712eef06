import type { TeamConfig } from "@/lib/config/config-schema";
import type { MaterializationRecord, RunRecord } from "@/lib/domain/run-types";
import type { CodeLocationSnapshot, DeploymentSnapshot } from "@/lib/domain/types";
import { type AssetHealth, assetHealth, SEVERITY } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { type DeploymentFreshness, definitionKey, type HealthSnapshot } from "./snapshot-types";

/** The per-deployment inputs of a snapshot: what the collectors hold. Pure data. */
export interface DeploymentInput {
  deployment: string;
  locations: DeploymentSnapshot;
  statuses: ReadonlyMap<string, AssetStatus>;
  statusesAsOf: number | null;
  statusesError: string | null;
  runs: RunRecord[];
  runsAsOf: number | null;
  runsError: string | null;
  /** Per asset id, ascending by time, over the runs window. */
  materializations: ReadonlyMap<string, MaterializationRecord[]>;
  /** Per asset id whose history was truncated: the time it is complete from. */
  materializationsPartialFrom?: ReadonlyMap<string, number>;
}

/** Joins every deployment's definitions, statuses and runs into one snapshot. Pure. */
export function buildSnapshot(
  inputs: readonly DeploymentInput[],
  teams: readonly TeamConfig[],
  generation: string,
  now: number,
): HealthSnapshot {
  const locations: CodeLocationSnapshot[] = inputs.flatMap((d) => d.locations.locations);
  const graph = buildGraph(
    locations.flatMap((l) => l.assets),
    teams,
  );

  const statuses = new Map<string, AssetStatus>();
  for (const d of inputs) {
    for (const [id, status] of d.statuses) statuses.set(definitionKey(d.deployment, id), status);
  }

  const materializations = new Map<string, MaterializationRecord[]>();
  for (const d of inputs) {
    for (const [id, list] of d.materializations)
      materializations.set(definitionKey(d.deployment, id), list);
  }
  const materializationsPartialFrom = new Map<string, number>();
  for (const d of inputs) {
    for (const [id, from] of d.materializationsPartialFrom ?? [])
      materializationsPartialFrom.set(definitionKey(d.deployment, id), from);
  }

  const health = new Map<string, AssetHealth>();
  for (const node of graph.nodes.values()) {
    let worst: AssetHealth | undefined;
    for (const def of node.definitions) {
      const h = assetHealth(statuses.get(definitionKey(def.deployment, node.id)));
      if (!worst || SEVERITY[h.overall] > SEVERITY[worst.overall]) worst = h;
    }
    health.set(node.id, worst ?? assetHealth(undefined));
  }

  return {
    generation,
    builtAt: now,
    graph,
    health,
    statuses,
    locations,
    runs: inputs.flatMap((d) => d.runs),
    materializations,
    materializationsPartialFrom,
    deployments: inputs.map(deploymentFreshness),
  };
}

export function deploymentFreshness(d: DeploymentInput): DeploymentFreshness {
  return {
    deployment: d.deployment,
    locationsAsOf: d.locations.asOf,
    statusesAsOf: d.statusesAsOf,
    runsAsOf: d.runsAsOf,
    errors: [d.locations.error, d.statusesError, d.runsError].filter((e): e is string => !!e),
  };
}
