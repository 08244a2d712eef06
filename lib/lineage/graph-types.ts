import type { AssetDefinition, AssetKeyPath } from "@/lib/domain/types";

// The joined lineage graph: one logical asset per key across every location
// and deployment. Pure data; safe to build in a worker or a background job.

/**
 * A key as one team owns it in one deployment (or in one group of deployments
 * merged by `identity.mergeDeployments`): what team pages list and count.
 */
export interface OwnedAsset {
  team: string | null;
  /** One deployment, or a merge group in its configured order. */
  deployments: string[];
  /** The owning definitions in those deployments; the first is the one shown. */
  definitions: AssetDefinition[];
}

export interface LogicalAsset {
  id: string;
  key: AssetKeyPath;
  /** Every definition of this key, references included; they all carry lineage. */
  definitions: AssetDefinition[];
  /** Referenced as a dependency but defined nowhere that Healthboard reads. */
  isStub: boolean;
  /** Definitions that only declare the key while another one produces it: never an owner. */
  references: AssetDefinition[];
  /** The key per (deployment or merge group, team); empty for stubs. */
  owned: OwnedAsset[];
  /** Every team that owns the key somewhere, sorted; empty when no team does. */
  teams: string[];
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
