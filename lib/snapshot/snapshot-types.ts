import type { MaterializationRecord, RunRecord } from "@/lib/domain/run-types";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import type { LocationOutage } from "./location-outages";

/** How current each part of a deployment's data is (epoch ms), and why it is old. */
export interface DeploymentFreshness {
  deployment: string;
  locationsAsOf: number | null;
  statusesAsOf: number | null;
  runsAsOf: number | null;
  errors: string[];
}

/** Everything every page reads: built once per change, shared by all viewers. */
export interface HealthSnapshot {
  /** Changes whenever the content changes; the basis of ETags. */
  generation: string;
  builtAt: number;
  graph: LineageGraph;
  /**
   * Per logical asset (the lineage node): the worst health among its owned
   * assets; references in consumer locations do not count.
   */
  health: Map<string, AssetHealth>;
  /** Per (deployment, key) defined, keyed by definitionKey(deployment, assetId). */
  definitionHealth: Map<string, AssetHealth>;
  /** Per definition, keyed by definitionKey(deployment, assetId). */
  statuses: Map<string, AssetStatus>;
  locations: CodeLocationSnapshot[];
  runs: RunRecord[];
  /** Per definition, ascending by time, over the runs window. */
  materializations: Map<string, MaterializationRecord[]>;
  /** Per definition whose history hit the page bound: the time it is complete from. */
  materializationsPartialFrom: Map<string, number>;
  deployments: DeploymentFreshness[];
  /**
   * Locations shown from their last known assets: failing to load, or in a
   * deployment that cannot be reached (lib/snapshot/location-outages.ts).
   */
  outages: LocationOutage[];
}

export function definitionKey(deployment: string, assetId: string): string {
  return `${deployment}\u0000${assetId}`;
}
