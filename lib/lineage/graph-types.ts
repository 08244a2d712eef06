import type { AssetDefinition, AssetKeyPath } from "@/lib/domain/types";

// The joined lineage graph: one logical asset per key across every location
// and deployment. Pure data; safe to build in a worker or a background job.

export interface LogicalAsset {
  id: string;
  key: AssetKeyPath;
  /** Every definition of this key; more than one when several deployments define it. */
  definitions: AssetDefinition[];
  /** Referenced as a dependency but defined nowhere that Healthboard reads. */
  isStub: boolean;
  /** Team of the first definition (owners first, then location), or null. */
  team: string | null;
}

export interface LineageEdge {
  from: string;
  to: string;
  /** The two ends are defined in different code locations. */
  crossLocation: boolean;
  /** The downstream definition depends on a key defined only in another deployment. */
  crossDeployment: boolean;
}

export interface LineageGraph {
  nodes: Map<string, LogicalAsset>;
  edges: LineageEdge[];
  upstream: Map<string, string[]>;
  downstream: Map<string, string[]>;
  /** Strongly connected components of more than one node: dependency cycles. */
  cycles: string[][];
}
