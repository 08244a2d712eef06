import type { TeamConfig } from "@/lib/config/config-schema";
import { blastRadius } from "@/lib/lineage/graph-algorithms";
import type { LineageGraph } from "@/lib/lineage/graph-types";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { isDegraded, type TeamAsset, teamAssets } from "@/lib/teams/team-assets";
import { causeWords, type DegradedCause, degradedCauses } from "./asset-cause";
import type { FailingLocation } from "./team-health";

// "Failing now": every degraded asset across teams, ordered by how much it
// breaks downstream (lib/lineage blastRadius over the joined graph), so the
// on-call engineer starts with the failure that hurts most.

export interface Blast {
  /** Assets downstream of it, at any depth. */
  downstream: number;
  /** The teams owning those assets, most affected first ("(no team)" for unowned ones). */
  teams: { team: string; count: number }[];
}

export interface FailingAsset {
  id: string;
  key: string[];
  deployment: string;
  location: string;
  /** The owning team's slug; null for an asset no team owns. */
  team: string | null;
  causes: DegradedCause[];
  /** The causes in a few words, joined: the row's one-line summary. */
  summary: string;
  blast: Blast;
}

export interface FailingNow {
  /** Locations that cannot load (or whose deployment is unreachable), with the teams they belong to. */
  locations: (FailingLocation & { teams: string[] })[];
  assets: FailingAsset[];
}

/** Blast radius of every node, computed lazily and kept for one graph. */
export class BlastIndex {
  private readonly ids: string[];
  private readonly index: Map<string, number>;
  private readonly down: number[][];
  private readonly teams: string[][];
  private readonly memo = new Map<string, Blast>();

  constructor(graph: LineageGraph) {
    this.ids = [...graph.nodes.keys()];
    this.index = new Map(this.ids.map((id, i) => [id, i]));
    this.down = this.ids.map((id) =>
      (graph.downstream.get(id) ?? [])
        .map((d) => this.index.get(d))
        .filter((n): n is number => n !== undefined),
    );
    this.teams = this.ids.map((id) => graph.nodes.get(id)?.teams ?? []);
  }

  of(id: string): Blast {
    const cached = this.memo.get(id);
    if (cached) return cached;
    const start = this.index.get(id);
    const r =
      start === undefined
        ? { assets: [], teams: [] }
        : blastRadius(this.down, start, (n) => this.teams[n] ?? []);
    const blast = { downstream: r.assets.length, teams: r.teams };
    this.memo.set(id, blast);
    return blast;
  }
}

/** Worst first: the widest blast radius, then the most teams affected, then by key and deployment. */
export function byBlastRadius(a: FailingAsset, b: FailingAsset): number {
  return (
    b.blast.downstream - a.blast.downstream ||
    b.blast.teams.length - a.blast.teams.length ||
    a.id.localeCompare(b.id) ||
    a.deployment.localeCompare(b.deployment)
  );
}

/**
 * Every degraded asset of every team (as teamAssets and isDegraded count them
 * on team pages), plus degraded assets no team owns.
 */
export function failingNow(
  snapshot: HealthSnapshot,
  teams: readonly TeamConfig[],
  failingLocations: (FailingLocation & { teams: string[] })[],
  blast: BlastIndex,
): FailingNow {
  const assets: FailingAsset[] = [];
  const add = (team: string | null, a: TeamAsset) => {
    const causes = degradedCauses(snapshot, a.def.deployment, a.node.id, a.health, a.status);
    assets.push({
      id: a.node.id,
      key: a.node.key,
      deployment: a.def.deployment,
      location: a.def.location,
      team,
      causes,
      summary: causes.map(causeWords).join("; ") || "degraded",
      blast: blast.of(a.node.id),
    });
  };
  for (const team of teams) {
    for (const a of teamAssets(snapshot, team.slug)) if (isDegraded(a)) add(team.slug, a);
  }
  for (const a of teamAssets(snapshot, null)) if (isDegraded(a)) add(null, a);
  return { locations: failingLocations, assets: assets.sort(byBlastRadius) };
}
