import type { IdentityConfig, TeamConfig } from "@/lib/config/config-schema";
import type { AssetDefinition } from "@/lib/domain/types";
import { assignTeam, splitReferences } from "@/lib/teams/assign-team";
import type { LogicalAsset, OwnedAsset } from "./graph-types";

// Identity across deployments: an asset is a (deployment, key) pair, owned by
// the team of each owning definition. Nothing here depends on the order in
// which definitions arrive.

export const NO_MERGES: IdentityConfig = { mergeDeployments: [] };

/** Each deployment's merge group (itself alone when not merged), in configured order. */
export function mergeGroups(identity: IdentityConfig): (deployment: string) => readonly string[] {
  const groups = new Map<string, string[]>();
  for (const group of identity.mergeDeployments) for (const d of group) groups.set(d, group);
  return (deployment) => groups.get(deployment) ?? [deployment];
}

const byShowOrder =
  (rank: (d: AssetDefinition) => number) => (a: AssetDefinition, b: AssetDefinition) =>
    rank(a) - rank(b) ||
    Number(b.isMaterializable) - Number(a.isMaterializable) ||
    a.location.localeCompare(b.location);

/** One key's definitions as owned assets, plus the references that decide nothing. */
export function ownKey(
  definitions: readonly AssetDefinition[],
  teams: readonly TeamConfig[],
  groupOf: (deployment: string) => readonly string[],
): { owned: OwnedAsset[]; references: AssetDefinition[]; teams: string[] } {
  const only = definitions.length === 1 ? definitions[0] : undefined;
  if (only) {
    // Most keys have one definition: skip the grouping (25k-asset rebuilds).
    const team = assignTeam(only, teams);
    const owned = [{ team, deployments: [only.deployment], definitions: [only] }];
    return { owned, references: [], teams: team === null ? [] : [team] };
  }
  const { owning, references } = splitReferences(definitions);
  const units = new Map<
    string,
    { team: string | null; group: readonly string[]; defs: AssetDefinition[] }
  >();
  for (const def of owning) {
    const team = assignTeam(def, teams);
    const group = groupOf(def.deployment);
    const id = `${group[0]}\u0000${team ?? ""}`;
    const unit = units.get(id);
    if (unit) unit.defs.push(def);
    else units.set(id, { team, group, defs: [def] });
  }
  const owned = [...units.values()].map(({ team, group, defs }): OwnedAsset => {
    const rank = (d: AssetDefinition) => group.indexOf(d.deployment);
    return {
      team,
      deployments: group.filter((g) => defs.some((d) => d.deployment === g)),
      definitions: defs.sort(byShowOrder(rank)),
    };
  });
  owned.sort(
    (a, b) =>
      (a.deployments[0] ?? "").localeCompare(b.deployments[0] ?? "") ||
      (a.team === null ? 1 : b.team === null ? -1 : a.team.localeCompare(b.team)),
  );
  const owners = new Set<string>();
  for (const o of owned) if (o.team !== null) owners.add(o.team);
  return { owned, references, teams: [...owners].sort() };
}

/** The definition an owned asset shows (location, group, kinds): the first in show order. */
export function shownDefinition(owned: OwnedAsset): AssetDefinition {
  return owned.definitions[0] as AssetDefinition;
}

/** The definition a lineage node shows (location band, kinds): an owning one, never a reference. */
export function nodeDefinition(node: LogicalAsset): AssetDefinition | undefined {
  const owned = node.owned[0];
  return owned ? shownDefinition(owned) : node.definitions[0];
}

/** The one team owning a node; null when no team or several teams own it. */
export function soleTeam(node: Pick<LogicalAsset, "teams">): string | null {
  return node.teams.length === 1 ? (node.teams[0] as string) : null;
}

/** The teams owning a node as one label ("analytics, ml"), or null: for single-valued fields. */
export function teamsLabel(node: Pick<LogicalAsset, "teams">): string | null {
  return node.teams.length > 0 ? node.teams.join(", ") : null;
}

/** The team owning one definition of a node; null for a reference or an unowned definition. */
export function teamOfDefinition(node: LogicalAsset, def: AssetDefinition): string | null {
  return node.owned.find((o) => o.definitions.includes(def))?.team ?? null;
}
