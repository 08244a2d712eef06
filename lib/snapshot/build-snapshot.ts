import type { IdentityConfig, TeamConfig } from "@/lib/config/config-schema";
import type { MaterializationRecord, RunRecord } from "@/lib/domain/run-types";
import type { CodeLocationSnapshot, DeploymentSnapshot } from "@/lib/domain/types";
import { type AssetHealth, assetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { NO_MERGES } from "@/lib/lineage/owned-assets";
import { locationOutages } from "./location-outages";
import { ownedHealth, worstHealth } from "./owned-health";
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

/**
 * Joins every deployment's definitions, statuses and runs into one snapshot. Pure.
 * `previous`: the last snapshot built from the same teams and identity config;
 * its graph is kept when every location still holds the same definitions.
 */
export function buildSnapshot(
  inputs: readonly DeploymentInput[],
  teams: readonly TeamConfig[],
  generation: string,
  now: number,
  identity: IdentityConfig = NO_MERGES,
  previous?: Pick<HealthSnapshot, "graph" | "locations">,
): HealthSnapshot {
  const locations: CodeLocationSnapshot[] = inputs.flatMap((d) => d.locations.locations);
  // Statuses and runs move far more often than definitions. The location
  // collector keeps a location's assets array until Dagster reloads it, so an
  // unchanged array means unchanged definitions, and keeping the graph object
  // keeps every answer cached per graph (location walks, indexes) instead of
  // recomputing them over 25,000 nodes after each status change.
  const graph =
    previous && sameDefinitions(previous.locations, locations)
      ? previous.graph
      : buildGraph(
          locations.flatMap((l) => l.assets),
          teams,
          identity,
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

  // Dagster's status is per (deployment, key): every location of a deployment shares it.
  const definitionHealth = new Map<string, AssetHealth>();
  for (const node of graph.nodes.values()) {
    for (const def of node.definitions) {
      const key = definitionKey(def.deployment, node.id);
      if (!definitionHealth.has(key)) definitionHealth.set(key, assetHealth(statuses.get(key)));
    }
  }
  // A lineage node shows the worst of its owned assets, so a team never sees
  // another deployment's status on its own rows, but the join hides nothing.
  const health = new Map<string, AssetHealth>();
  for (const node of graph.nodes.values()) {
    health.set(
      node.id,
      worstHealth(node.owned.map((o) => ownedHealth(definitionHealth, node.id, o))),
    );
  }

  return {
    generation,
    builtAt: now,
    graph,
    health,
    definitionHealth,
    statuses,
    locations,
    runs: inputs.flatMap((d) => d.runs),
    materializations,
    materializationsPartialFrom,
    deployments: inputs.map(deploymentFreshness),
    outages: locationOutages(inputs),
  };
}

function sameDefinitions(
  a: readonly CodeLocationSnapshot[],
  b: readonly CodeLocationSnapshot[],
): boolean {
  return a.length === b.length && a.every((l, i) => l.assets === b[i]?.assets);
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
