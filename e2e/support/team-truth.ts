import { dagsterQuery, workspaceTruth } from "./dagster";
import { healthTruth } from "./health-truth";

// Ground truth for team pages, computed from Dagster's GraphQL API directly.
// The rules are written out here on their own, from Dagster's documented
// semantics, not imported from Healthboard.

export const TEAMS = [
  { slug: "analytics", owner: "team:analytics", location: "analytics-team" },
  { slug: "ml", owner: "team:ml", location: "ml-platform" },
  { slug: "finance", owner: "team:finance", location: "finance-reporting" },
] as const;

export type TeamSlug = (typeof TEAMS)[number]["slug"];

export interface NodeTruth {
  assetKey: { path: string[] };
  dependencyKeys: { path: string[] }[];
  freshnessStatusInfo: { freshnessStatus: string } | null;
  assetChecksOrError: {
    checks?: {
      executionForLatestMaterialization: {
        status: string;
        evaluation: { severity: string } | null;
      } | null;
    }[];
  };
}

export interface LatestTruth {
  assetKey: { path: string[] };
  latestMaterialization: { runId: string } | null;
  latestRun: { runId: string; status: string } | null;
}

export interface TeamTruth {
  assets: string[];
  degraded: string[];
  stale: string[];
  upstreamOfOtherTeams: string[];
  locations: string[];
}

export async function teamTruth(slug: TeamSlug): Promise<TeamTruth> {
  const locations = await workspaceTruth();
  const all = locations.flatMap((l) => l.assets.map((a) => ({ ...a, location: l.name })));
  const teamOf = (a: { owners: string[]; location: string }) =>
    TEAMS.find((t) => a.owners.includes(t.owner))?.slug ??
    TEAMS.find((t) => t.location === a.location)?.slug ??
    null;
  const mine = all.filter((a) => teamOf(a) === slug);
  const keys = mine.map((a) => ({ path: a.path }));
  const data = await dagsterQuery<{ assetNodes: NodeTruth[]; assetsLatestInfo: LatestTruth[] }>(
    `query T($keys: [AssetKeyInput!]!) {
      assetNodes(assetKeys: $keys) {
        assetKey { path }
        dependencyKeys { path }
        freshnessStatusInfo { freshnessStatus }
        assetChecksOrError { ... on AssetChecks { checks { executionForLatestMaterialization { status evaluation { severity } } } } }
      }
      assetsLatestInfo(assetKeys: $keys) { assetKey { path } latestMaterialization { runId } latestRun { runId status } }
    }`,
    { keys },
  );
  const id = (p: string[]) => JSON.stringify(p);
  const health = await healthTruth(mine.map((a) => a.path));
  const degraded: string[] = [];
  const stale: string[] = [];
  const upstream = new Set<string>();
  const byId = new Map(all.map((a) => [id(a.path), a]));
  for (const node of data.assetNodes) {
    const key = id(node.assetKey.path);
    // Degraded: overall health DEGRADED (freshness included); stale: freshness WARNING or DEGRADED.
    const h = health.get(key);
    if (h?.overall === "DEGRADED") degraded.push(key);
    if (h?.freshness === "WARNING" || h?.freshness === "DEGRADED") stale.push(key);
    for (const dep of node.dependencyKeys) {
      const other = byId.get(id(dep.path));
      if (!other || teamOf(other) !== slug) upstream.add(id(dep.path));
    }
  }
  return {
    assets: mine.map((a) => id(a.path)).sort(),
    degraded: degraded.sort(),
    stale: stale.sort(),
    upstreamOfOtherTeams: [...upstream].sort(),
    locations: [...new Set(mine.map((a) => a.location))],
  };
}
