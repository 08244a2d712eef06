import type { LineageGraph } from "@/lib/lineage/graph-types";
import { type DeployImpact, describeImpact } from "./deploy-impact";
import { type LocationRef, reachable } from "./location-graph";
import type { LocationVersions } from "./location-versions";

// For one asset: the other locations it reads from (at any depth), and the
// deploys of those locations that were followed by failures or degradations
// in the asset's own location. What the lineage node panel shows. Pure.

/** The asset's owning (deployment, location)s and the other locations upstream of it, per deployment. */
export function upstreamLocations(
  graph: LineageGraph,
  assetId: string,
): { home: LocationRef; upstream: LocationRef[] }[] {
  const node = graph.nodes.get(assetId);
  if (!node) return [];
  const homes = node.owned.flatMap((o) => o.definitions);
  const ancestors = reachable(graph.upstream, [assetId]);
  return homes.map((home) => {
    const found = new Set<string>();
    for (const id of ancestors)
      for (const o of graph.nodes.get(id)?.owned ?? [])
        for (const d of o.definitions)
          if (d.deployment === home.deployment && d.location !== home.location)
            found.add(d.location);
    return {
      home: { deployment: home.deployment, location: home.location },
      upstream: [...found].sort().map((location) => ({ deployment: home.deployment, location })),
    };
  });
}

export interface UpstreamDeployNote {
  deployment: string;
  location: string;
  version: string | null;
  author: string | null;
  at: number;
  /** The consumer location the sentence is about (the asset's). */
  consumer: string;
  failures: number;
  elevated: boolean;
  sentence: string;
}

/** Deploys upstream followed by failures or degradations in `home`, newest first, at most `limit`. */
export function upstreamDeployNotes(
  home: LocationRef,
  upstream: readonly LocationVersions[],
  limit = 5,
): UpstreamDeployNote[] {
  const notes: UpstreamDeployNote[] = [];
  for (const loc of upstream)
    for (const v of loc.versions) {
      const impact: DeployImpact | null = v.impact;
      const mine = impact?.consumers.find((c) => c.location === home.location);
      if (!impact || !mine || (mine.failures === 0 && mine.degradedNow.length === 0)) continue;
      notes.push({
        deployment: loc.deployment,
        location: loc.location,
        version: impact.version,
        author: v.annotation?.author ?? null,
        at: impact.at,
        consumer: home.location,
        failures: mine.failures,
        elevated: mine.elevated,
        sentence: describeImpact(impact, mine),
      });
    }
  return notes.sort((a, b) => b.at - a.at).slice(0, limit);
}
