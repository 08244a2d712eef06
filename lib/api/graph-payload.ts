import { createHash } from "node:crypto";
import { type GraphLayout, layoutGraph } from "@/lib/lineage/layout";
import { nodeDefinition, soleTeam } from "@/lib/lineage/owned-assets";
import { HEALTH_LETTER, STUB_LETTER } from "@/lib/metrics/health-letters";
import { outageLookup } from "@/lib/snapshot/location-outages";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// The lineage graph as the browser receives it: columnar arrays indexed by
// node position, with the server-computed layout, so 25k assets stay small
// and the browser never runs a layout engine.

export interface GraphPayload {
  generation: string;
  /** Changes only when nodes, edges or groups change; the layout is cached by it. */
  topology: string;
  deployments: string[];
  locations: [deployment: number, name: string][];
  /** [location index or -1 for assets defined nowhere, group name]. */
  groups: [location: number, name: string][];
  teams: string[];
  kinds: string[];
  /** One entry per node. */
  keys: string[][];
  group: number[];
  /** Team index, -1 for none or for a key owned by several teams (see `sharedTeams`). */
  team: number[];
  /** The rare keys owned by several teams (one per deployment): [node, team indices]. */
  sharedTeams: [node: number, teams: number[]][];
  nodeKinds: number[][];
  /** One letter per node (lib/metrics/health-letters): H healthy, W warning, D degraded, U unknown, S stub. */
  health: string;
  /**
   * Nodes shown from last known data: an owning definition's code location
   * fails to load or its deployment is unreachable (snapshot `outages`).
   */
  down: number[];
  x: number[];
  y: number[];
  /** Per group: [x, y, width, height]. */
  boxes: [number, number, number, number][];
  /** Flattened triples [from, to, flags]; flags bit 0: cross-location, bit 1: cross-deployment. */
  edges: number[];
  cycles: number[][];
}

/** One cached layout per topology: the expensive part runs only when the graph's shape changes. */
let layoutCache: { topology: string; layout: GraphLayout } | null = null;

export function toGraphPayload(
  snapshot: HealthSnapshot,
  teamSlugs: readonly string[],
): GraphPayload {
  const deployments = [...new Set(snapshot.locations.map((l) => l.deployment))].sort();
  const locations: [number, string][] = [];
  const locIndex = new Map<string, number>();
  for (const loc of [...snapshot.locations].sort((a, b) =>
    `${a.deployment}/${a.name}`.localeCompare(`${b.deployment}/${b.name}`),
  )) {
    locIndex.set(
      `${loc.deployment}\u0000${loc.name}`,
      locations.push([deployments.indexOf(loc.deployment), loc.name]) - 1,
    );
  }
  const teamIndex = new Map(teamSlugs.map((t, i) => [t, i]));

  // Groups: one band per (location, group), ordered like the locations; stubs last.
  const groupKeyOf = (locationIdx: number, name: string) => `${locationIdx}\u0000${name}`;
  const groupSet = new Map<string, [number, string]>();
  const nodes = [...snapshot.graph.nodes.values()];
  const nodeGroupKey = nodes.map((node) => {
    const def = nodeDefinition(node);
    const loc = def ? (locIndex.get(`${def.deployment}\u0000${def.location}`) ?? -1) : -1;
    const name = def ? (def.group ?? "default") : "(defined nowhere)";
    const key = groupKeyOf(loc, name);
    if (!groupSet.has(key)) groupSet.set(key, [loc, name]);
    return key;
  });
  const groups = [...groupSet.values()].sort((a, b) =>
    a[0] === -1 ? 1 : b[0] === -1 ? -1 : a[0] - b[0] || a[1].localeCompare(b[1]),
  );
  const groupIndex = new Map(groups.map((g, i) => [groupKeyOf(g[0], g[1]), i]));

  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const nodeIndex = new Map<string, number>();
  const keys: string[][] = [];
  const group: number[] = [];
  const team: number[] = [];
  const sharedTeams: [number, number[]][] = [];
  const nodeKinds: number[][] = [];
  let health = "";
  const down: number[] = [];
  const outageOf = outageLookup(snapshot.outages);
  nodes.forEach((node, i) => {
    nodeIndex.set(node.id, i);
    keys.push(node.key);
    group.push(groupIndex.get(nodeGroupKey[i] as string) as number);
    const owner = soleTeam(node);
    team.push(owner === null ? -1 : (teamIndex.get(owner) ?? -1));
    if (node.teams.length > 1) {
      const idx = node.teams.map((t) => teamIndex.get(t)).filter((t) => t !== undefined);
      sharedTeams.push([i, idx]);
    }
    nodeKinds.push(
      (nodeDefinition(node)?.kinds ?? []).map((k) => {
        let idx = kindIndex.get(k);
        if (idx === undefined) {
          idx = kinds.push(k) - 1;
          kindIndex.set(k, idx);
        }
        return idx;
      }),
    );
    health += node.isStub
      ? STUB_LETTER
      : HEALTH_LETTER[snapshot.health.get(node.id)?.overall ?? "UNKNOWN"];
    if (snapshot.outages.length > 0) {
      const owning = node.owned.length
        ? node.owned.flatMap((o) => o.definitions)
        : node.definitions;
      if (owning.some((d) => outageOf(d.deployment, d.location))) down.push(i);
    }
  });

  const edges: number[] = [];
  const upstream: number[][] = nodes.map(() => []);
  const downstream: number[][] = nodes.map(() => []);
  for (const e of snapshot.graph.edges) {
    const from = nodeIndex.get(e.from) as number;
    const to = nodeIndex.get(e.to) as number;
    edges.push(from, to, (e.crossLocation ? 1 : 0) | (e.crossDeployment ? 2 : 0));
    downstream[from]?.push(to);
    upstream[to]?.push(from);
  }

  const topology = createHash("sha1")
    .update(JSON.stringify([keys, group, groups, edges.filter((_, i) => i % 3 !== 2)]))
    .digest("base64url");
  if (layoutCache?.topology !== topology) {
    layoutCache = {
      topology,
      layout: layoutGraph({ group, groupCount: groups.length, upstream, downstream }),
    };
  }
  const { layout } = layoutCache;

  return {
    generation: snapshot.generation,
    topology,
    deployments,
    locations,
    groups,
    teams: [...teamSlugs],
    kinds,
    keys,
    group,
    team,
    sharedTeams,
    nodeKinds,
    health,
    down,
    x: Array.from(layout.x),
    y: Array.from(layout.y),
    boxes: layout.boxes,
    edges,
    cycles: snapshot.graph.cycles.map((c) => c.map((id) => nodeIndex.get(id) as number)),
  };
}
