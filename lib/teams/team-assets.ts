import type { TeamConfig } from "@/lib/config/config-schema";
import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import type { LogicalAsset, OwnedAsset } from "@/lib/lineage/graph-types";
import { isDegraded as degraded, isStale as stale } from "@/lib/metrics/definitions";
import { ownedHealth } from "@/lib/snapshot/owned-health";
import { perSnapshotSteps } from "@/lib/snapshot/snapshot-memo";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { definitionKey } from "@/lib/snapshot/snapshot-types";

/**
 * A team's asset: one key in one deployment (or merge group), with what every
 * panel needs about it. A key the team owns in two deployments is two assets.
 */
export interface TeamAsset {
  node: LogicalAsset;
  owned: OwnedAsset;
  /** The definition shown: the owned asset's first, or the first in the filtered location. */
  def: AssetDefinition;
  /** This deployment's health (worst over a merge group), not the lineage node's. */
  health: AssetHealth;
  status: AssetStatus | undefined;
}

// Team pages, badges, KPI samples, overview tiles, /metrics and alerts all ask
// for teams' assets, often every team at once: one pass over the graph per
// snapshot groups them all (snapshotMemo), instead of one pass per team.
const byCollator = new Intl.Collator().compare; // what String#localeCompare uses, without its per-call set-up
const inOrder = (a: TeamAsset, b: TeamAsset) =>
  byCollator(a.node.id, b.node.id) || byCollator(a.def.deployment, b.def.deployment);

/**
 * Every owned asset grouped by team (null: no team), each group in the order
 * teamAssets returns. In steps (a pause every 512 nodes and after each team's
 * sort) so the figure warmer can build it without holding the event loop.
 */
export const teamIndex = perSnapshotSteps(function* (snapshot): Generator<
  void,
  Map<string | null, TeamAsset[]>,
  void
> {
  const out = new Map<string | null, TeamAsset[]>();
  let n = 0;
  for (const node of snapshot.graph.nodes.values()) {
    if (++n % 512 === 0) yield;
    for (const owned of node.owned) {
      const def = owned.definitions[0];
      if (!def) continue;
      let list = out.get(owned.team);
      if (!list) {
        list = [];
        out.set(owned.team, list);
      }
      list.push(teamAsset(snapshot, node, owned, def));
    }
  }
  for (const list of out.values()) {
    list.sort(inOrder);
    yield;
  }
  return out;
});

function teamAsset(
  snapshot: HealthSnapshot,
  node: LogicalAsset,
  owned: OwnedAsset,
  def: AssetDefinition,
): TeamAsset {
  return {
    node,
    owned,
    def,
    health: ownedHealth(snapshot.definitionHealth, node.id, owned),
    status: snapshot.statuses.get(definitionKey(def.deployment, node.id)),
  };
}

/**
 * The assets a team owns, optionally in one code location (matched per
 * definition). Team pages, badges, KPI samples and overview tiles all count
 * with this one function. `null` asks for the owned assets no team owns.
 * Sorted by asset id, then deployment. The list is the caller's to change.
 */
export function teamAssets(
  snapshot: HealthSnapshot,
  team: string | null,
  location?: string,
): TeamAsset[] {
  const all = teamIndex(snapshot).get(team) ?? [];
  if (!location) return all.slice();
  // The definition shown is the one in that location, which may be another deployment's.
  const out: TeamAsset[] = [];
  for (const a of all) {
    const def = a.owned.definitions.find((d) => d.location === location);
    if (def) out.push(def === a.def ? a : teamAsset(snapshot, a.node, a.owned, def));
  }
  return out.sort(inOrder);
}

/** Stale, as lib/metrics/definitions.ts defines it: freshness WARNING or DEGRADED. */
export const isStale = (a: TeamAsset) => stale(a.health);
/** Degraded, as lib/metrics/definitions.ts defines it: overall health DEGRADED (freshness included). */
export const isDegraded = (a: TeamAsset) => degraded(a.health);

/**
 * Where the team's assets are defined: one (deployment, id, location) per
 * owning definition, so an asset of a merge group (`identity.mergeDeployments`)
 * is there once per deployment of the group, each with its own runs and
 * materialization history. With a location, only the definitions in it.
 */
export function teamDefinitions(
  assets: readonly TeamAsset[],
  location?: string,
): { deployment: string; id: string; location: string }[] {
  const out: { deployment: string; id: string; location: string }[] = [];
  for (const a of assets)
    for (const d of a.owned.definitions)
      if (!location || d.location === location)
        out.push({ deployment: d.deployment, id: a.node.id, location: d.location });
  return out;
}

/**
 * The code locations a team's config lists in the snapshot's environment: a
 * location of another environment's deployment (staging on prod's page) has
 * no data here, and counting it would mix environments.
 */
export function teamConfigLocations(
  snapshot: HealthSnapshot,
  team: Pick<TeamConfig, "locations">,
): { deployment: string; location: string }[] {
  const shown = new Set(snapshot.deployments.map((d) => d.deployment));
  return team.locations.filter((l) => shown.has(l.deployment));
}
