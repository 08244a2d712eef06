import { dagsterQuery, workspaceTruth } from "./dagster";
import { type Health, type HealthTruth, healthTruth } from "./health-truth";
import { TEAMS, type TeamSlug } from "./team-truth";

// Ground truth for badges and dependency contracts, read from Dagster's GraphQL
// API directly. The health rules are Dagster's asset health semantics, written
// out on their own in health-truth.ts: nothing is imported from Healthboard.

export interface AssetTruth {
  id: string;
  path: string[];
  location: string;
  team: TeamSlug | null;
  owners: string[];
  upstream: string[];
  /** The freshness component (NOT_APPLICABLE without a policy, UNKNOWN before its first evaluation). */
  freshness: Health;
  hasFreshnessPolicy: boolean;
  overall: HealthTruth["overall"];
}

const id = (p: string[]) => JSON.stringify(p);

/** Every asset Dagster defines now, with its team, upstream keys, freshness and overall health. */
export async function assetsTruth(): Promise<AssetTruth[]> {
  const locations = await workspaceTruth();
  const all = locations.flatMap((l) => l.assets.map((a) => ({ ...a, location: l.name })));
  const keys = all.map((a) => ({ path: a.path }));
  const data = await dagsterQuery<{
    assetNodes: { assetKey: { path: string[] }; dependencyKeys: { path: string[] }[] }[];
  }>(
    `query B($keys: [AssetKeyInput!]!) {
      assetNodes(assetKeys: $keys) { assetKey { path } dependencyKeys { path } }
    }`,
    { keys },
  );
  const health = await healthTruth(all.map((a) => a.path));
  const nodes = new Map(data.assetNodes.map((n) => [id(n.assetKey.path), n]));
  return all.flatMap((a) => {
    const node = nodes.get(id(a.path));
    const h = health.get(id(a.path));
    if (!node || !h) return [];
    return [
      {
        id: id(a.path),
        path: a.path,
        location: a.location,
        owners: a.owners,
        team:
          TEAMS.find((t) => a.owners.includes(t.owner))?.slug ??
          TEAMS.find((t) => t.location === a.location)?.slug ??
          null,
        upstream: node.dependencyKeys.map((k) => id(k.path)),
        freshness: h.freshness,
        hasFreshnessPolicy: h.hasFreshnessPolicy,
        overall: h.overall,
      },
    ];
  });
}

/** What a team badge should say, from the counts of its assets' health. */
export function expectedTeamMessage(
  assets: readonly { team: string | null; overall: AssetTruth["overall"] }[],
  team: string,
): string {
  const mine = assets.filter((a) => a.team === team);
  const n = (s: AssetTruth["overall"]) => mine.filter((a) => a.overall === s).length;
  if (n("DEGRADED") > 0)
    return `${n("DEGRADED")} degraded${n("WARNING") > 0 ? `, ${n("WARNING")} warning` : ""}`;
  if (n("WARNING") > 0) return `${n("WARNING")} warning`;
  if (n("HEALTHY") > 0) return n("UNKNOWN") > 0 ? `healthy, ${n("UNKNOWN")} unknown` : "healthy";
  return "unknown";
}

/**
 * What an asset badge says before any lateness: its overall health, then, for
 * assets with a freshness policy and a verdict, "fresh" or "stale".
 */
export function expectedAssetBadge(asset: AssetTruth): {
  health: string;
  freshness: string | null;
} {
  const health = asset.overall.toLowerCase();
  if (!asset.hasFreshnessPolicy) return { health, freshness: null };
  if (asset.freshness === "HEALTHY") return { health, freshness: "fresh" };
  if (asset.freshness === "WARNING" || asset.freshness === "DEGRADED")
    return { health, freshness: "stale" };
  return { health, freshness: null };
}

export interface ContractTruth {
  asset: string;
  producer: TeamSlug | null;
  location: string | null;
  usedBy: string[];
}

/** The assets of other teams (or none) that `team`'s assets depend on, with who uses each. */
export function contractsTruth(assets: AssetTruth[], team: TeamSlug): ContractTruth[] {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const found = new Map<string, ContractTruth>();
  for (const mine of assets.filter((a) => a.team === team)) {
    for (const up of mine.upstream) {
      const other = byId.get(up);
      if (other?.team === team) continue;
      const row = found.get(up) ?? {
        asset: up,
        producer: other?.team ?? null,
        location: other?.location ?? null,
        usedBy: [],
      };
      row.usedBy.push(mine.id);
      found.set(up, row);
    }
  }
  return [...found.values()]
    .map((r) => ({ ...r, usedBy: r.usedBy.sort() }))
    .sort((a, b) => a.asset.localeCompare(b.asset));
}
