import type { IdentityConfig, TeamConfig } from "@/lib/config/config-schema";
import { type AssetDefinition, type AssetKeyPath, assetId } from "@/lib/domain/types";
import { findCycles } from "./find-cycles";
import type { LineageEdge, LineageGraph, LogicalAsset } from "./graph-types";
import { mergeGroups, NO_MERGES, ownKey } from "./owned-assets";

// The lineage join. Pure and framework-free (no React, no window, no I/O):
// it must stay cheap enough to rebuild 25k assets well under a second.

/**
 * Joins definitions from every location and deployment by asset key.
 * Edges come from both sides (`upstream` = dependencyKeys, `downstream` =
 * dependedByKeys) because either side may be missing from what was fetched.
 * Ownership is decided per definition (see owned-assets.ts), never by the
 * first definition that arrived.
 */
export function buildGraph(
  definitions: readonly AssetDefinition[],
  teams: readonly TeamConfig[],
  identity: IdentityConfig = NO_MERGES,
): LineageGraph {
  const nodes = new Map<string, LogicalAsset>();
  for (const def of definitions) {
    const existing = nodes.get(def.id);
    if (existing) existing.definitions.push(def);
    else
      nodes.set(def.id, {
        id: def.id,
        key: def.key,
        definitions: [def],
        isStub: false,
        references: [],
        owned: [],
        teams: [],
      });
  }
  const groupOf = mergeGroups(identity);
  for (const node of nodes.values()) Object.assign(node, ownKey(node.definitions, teams, groupOf));

  const edges = new Map<string, LineageEdge>();
  const ensureNode = (key: AssetKeyPath): string => {
    const id = assetId(key);
    if (!nodes.has(id))
      nodes.set(id, {
        id,
        key,
        definitions: [],
        isStub: true,
        references: [],
        owned: [],
        teams: [],
      });
    return id;
  };
  const addEdge = (fromKey: AssetKeyPath, toKey: AssetKeyPath, seenFrom: AssetDefinition) => {
    const from = ensureNode(fromKey);
    const to = ensureNode(toKey);
    if (from === to) return; // self-dependencies (e.g. self-partitioned assets) are not lineage
    const other = seenFrom.id === from ? nodes.get(to) : nodes.get(from);
    const sameDeployment = other?.definitions.find((d) => d.deployment === seenFrom.deployment);
    const crossDeployment = !!other && other.definitions.length > 0 && !sameDeployment;
    const crossLocation =
      crossDeployment || (!!sameDeployment && sameDeployment.location !== seenFrom.location);
    const id = `${from}\u0000${to}`;
    const edge = edges.get(id);
    if (edge) {
      edge.crossLocation ||= crossLocation;
      edge.crossDeployment ||= crossDeployment;
    } else {
      edges.set(id, { from, to, crossLocation, crossDeployment });
    }
  };
  for (const def of definitions) {
    for (const up of def.upstream) addEdge(up, def.key, def);
    for (const down of def.downstream) addEdge(def.key, down, def);
  }

  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (const id of nodes.keys()) {
    upstream.set(id, []);
    downstream.set(id, []);
  }
  for (const edge of edges.values()) {
    downstream.get(edge.from)?.push(edge.to);
    upstream.get(edge.to)?.push(edge.from);
  }
  return {
    nodes,
    edges: [...edges.values()],
    upstream,
    downstream,
    cycles: findCycles(downstream),
  };
}
