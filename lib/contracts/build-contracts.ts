import { type FreshnessPolicy, ownerLabel } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { LineageGraph, LogicalAsset } from "@/lib/lineage/graph-types";

// Dependency contracts: for each consuming team, the assets other teams (or no
// team) produce that it reads across the team boundary, with who answers for
// them and what freshness they promise. Pure; sorted so that the same snapshot
// always gives the same document.

export interface ContractAsset {
  id: string;
  key: string[];
  /** Producing team slug; null when no configured team owns the asset. */
  producer: string | null;
  /** "deployment/location" of every definition; empty for a key defined nowhere Healthboard reads. */
  locations: { deployment: string; location: string }[];
  owners: string[];
  /** One policy per distinct definition policy; empty without any. */
  freshnessPolicies: FreshnessPolicy[];
  health: AssetHealth["overall"];
  /** The consuming team's own assets that depend on it, sorted. */
  usedBy: string[][];
}

export interface ProducerContracts {
  producer: string | null;
  assets: ContractAsset[];
}

export interface TeamContracts {
  team: string;
  producers: ProducerContracts[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function describeAsset(
  node: LogicalAsset,
  producer: string | null,
  health: AssetHealth["overall"],
): ContractAsset {
  const owners = new Set<string>();
  const policies = new Map<string, FreshnessPolicy>();
  // The producer's own definitions: a consumer's reference (or another team's
  // copy in another deployment) must not appear as who answers for the asset.
  const own = node.owned.filter((o) => o.team === producer).flatMap((o) => o.definitions);
  const defs = own.length ? own : node.definitions.filter((d) => !node.references.includes(d));
  for (const def of defs) {
    for (const o of def.owners) owners.add(ownerLabel(o));
    if (def.freshnessPolicy) policies.set(JSON.stringify(def.freshnessPolicy), def.freshnessPolicy);
  }
  return {
    id: node.id,
    key: node.key,
    producer,
    locations: defs
      .map((d) => ({ deployment: d.deployment, location: d.location }))
      .sort((a, b) =>
        `${a.deployment}/${a.location}`.localeCompare(`${b.deployment}/${b.location}`),
      ),
    owners: [...owners],
    freshnessPolicies: [...policies.values()],
    health,
    usedBy: [],
  };
}

/** The contracts one team consumes, grouped by producing team (configured teams by slug, then no team). */
export function teamContracts(
  graph: LineageGraph,
  health: ReadonlyMap<string, AssetHealth>,
  team: string,
): TeamContracts {
  const found = new Map<string, ContractAsset>();
  for (const node of graph.nodes.values()) {
    if (!node.teams.includes(team)) continue;
    for (const upId of graph.upstream.get(node.id) ?? []) {
      const up = graph.nodes.get(upId);
      if (!up || up.teams.includes(team)) continue;
      // A key produced by several teams (in different deployments) is a contract with each.
      for (const producer of up.teams.length > 0 ? up.teams : [null]) {
        const id = `${producer ?? ""}\u0000${upId}`;
        let asset = found.get(id);
        if (!asset) {
          asset = describeAsset(up, producer, health.get(upId)?.overall ?? "UNKNOWN");
          found.set(id, asset);
        }
        asset.usedBy.push(node.key);
      }
    }
  }
  const groups = new Map<string | null, ContractAsset[]>();
  for (const asset of found.values()) {
    asset.usedBy.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    groups.set(asset.producer, [...(groups.get(asset.producer) ?? []), asset]);
  }
  const producers = [...groups]
    .map(([producer, assets]) => ({ producer, assets: assets.sort(byId) }))
    .sort((a, b) =>
      a.producer === null ? 1 : b.producer === null ? -1 : a.producer.localeCompare(b.producer),
    );
  return { team, producers };
}

/** Contracts for each of `teams`, in slug order. */
export function buildContracts(
  graph: LineageGraph,
  health: ReadonlyMap<string, AssetHealth>,
  teams: readonly string[],
): TeamContracts[] {
  return [...teams].sort().map((t) => teamContracts(graph, health, t));
}
