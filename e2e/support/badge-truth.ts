import { dagsterQuery, workspaceTruth } from "./dagster";
import {
  type NodeTruth as BaseNodeTruth,
  type LatestTruth,
  TEAMS,
  type TeamSlug,
} from "./team-truth";

// Ground truth for badges and dependency contracts, read from Dagster's GraphQL
// API directly. The health rules are Dagster+'s asset health semantics written
// out again here, on their own: nothing is imported from Healthboard.

type Health = "HEALTHY" | "WARNING" | "DEGRADED" | "UNKNOWN" | "NOT_APPLICABLE";

/** team-truth's node, plus what partitioned assets and freshness need here. */
interface NodeTruth extends Omit<BaseNodeTruth, "freshnessStatusInfo"> {
  isPartitioned: boolean;
  freshnessStatusInfo: { freshnessStatus: Health } | null;
  partitionStats: { numMaterialized: number; numFailed: number } | null;
}

export interface AssetTruth {
  id: string;
  path: string[];
  location: string;
  team: TeamSlug | null;
  owners: string[];
  upstream: string[];
  /** Dagster's freshness verdict; null without a policy. */
  freshness: Health | null;
  overall: Exclude<Health, "NOT_APPLICABLE">;
}

const id = (p: string[]) => JSON.stringify(p);

function materialization(node: NodeTruth, latest: LatestTruth | undefined): Health {
  if (node.isPartitioned) {
    const p = node.partitionStats;
    if (!p || (p.numFailed === 0 && p.numMaterialized === 0)) return "UNKNOWN";
    return p.numFailed > 0 ? "DEGRADED" : "HEALTHY";
  }
  const run = latest?.latestRun;
  // Open source records no failure event: the latest run failed without producing the latest materialization.
  if (run && ["FAILURE", "CANCELED"].includes(run.status)) {
    if (latest?.latestMaterialization?.runId !== run.runId) return "DEGRADED";
  }
  return latest?.latestMaterialization ? "HEALTHY" : "UNKNOWN";
}

function checks(node: NodeTruth): Health {
  const list = node.assetChecksOrError.checks ?? [];
  if (list.length === 0) return "NOT_APPLICABLE";
  const outcomes = list.map((c) => {
    const e = c.executionForLatestMaterialization;
    if (e?.status === "EXECUTION_FAILED") return "DEGRADED";
    if (e?.status === "FAILED") return e.evaluation?.severity === "WARN" ? "WARNING" : "DEGRADED";
    return e?.status === "SUCCEEDED" ? "HEALTHY" : "UNKNOWN";
  });
  for (const worst of ["DEGRADED", "WARNING", "UNKNOWN"] as const)
    if (outcomes.includes(worst)) return worst;
  return "HEALTHY";
}

function overall(m: Health, c: Health, f: Health): AssetTruth["overall"] {
  const all = [m, c, f];
  if (all.includes("DEGRADED")) return "DEGRADED";
  if (all.includes("WARNING")) return "WARNING";
  if (m === "UNKNOWN" || all.every((s) => s === "UNKNOWN" || s === "NOT_APPLICABLE"))
    return "UNKNOWN";
  return "HEALTHY";
}

/** Every asset Dagster defines now, with its team, upstream keys, freshness and overall health. */
export async function assetsTruth(): Promise<AssetTruth[]> {
  const locations = await workspaceTruth();
  const all = locations.flatMap((l) => l.assets.map((a) => ({ ...a, location: l.name })));
  const keys = all.map((a) => ({ path: a.path }));
  const data = await dagsterQuery<{ assetNodes: NodeTruth[]; assetsLatestInfo: LatestTruth[] }>(
    `query B($keys: [AssetKeyInput!]!) {
      assetNodes(assetKeys: $keys) {
        assetKey { path } isPartitioned dependencyKeys { path }
        freshnessStatusInfo { freshnessStatus }
        partitionStats { numMaterialized numFailed }
        assetChecksOrError { ... on AssetChecks { checks { executionForLatestMaterialization { status evaluation { severity } } } } }
      }
      assetsLatestInfo(assetKeys: $keys) { assetKey { path } latestMaterialization { runId } latestRun { runId status } }
    }`,
    { keys },
  );
  const latest = new Map(data.assetsLatestInfo.map((l) => [id(l.assetKey.path), l]));
  const nodes = new Map(data.assetNodes.map((n) => [id(n.assetKey.path), n]));
  return all.flatMap((a) => {
    const node = nodes.get(id(a.path));
    if (!node) return [];
    const freshness = node.freshnessStatusInfo?.freshnessStatus ?? null;
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
        freshness,
        overall: overall(
          materialization(node, latest.get(id(a.path))),
          checks(node),
          freshness ?? "NOT_APPLICABLE",
        ),
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

/** The first word(s) of an asset badge: the freshness verdict, before any "· 3 h late". */
export function expectedFreshnessWord(asset: AssetTruth): string {
  switch (asset.freshness) {
    case null:
    case "NOT_APPLICABLE":
      return "no policy";
    case "HEALTHY":
      return "fresh";
    case "WARNING":
    case "DEGRADED":
      return "stale";
    default:
      return "unknown";
  }
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
