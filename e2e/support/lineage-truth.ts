import { dagsterQuery, workspaceTruth } from "./dagster";
import { TEAMS } from "./team-truth";

// Lineage ground truth from Dagster's GraphQL API, independent of Healthboard.

const id = (p: string[]) => JSON.stringify(p);

export async function lineageTruth() {
  const locations = await workspaceTruth();
  const locationOf = new Map<string, string>();
  const owners = new Map<string, string[]>();
  for (const l of locations) {
    for (const a of l.assets) {
      locationOf.set(id(a.path), l.name);
      owners.set(id(a.path), a.owners);
    }
  }
  const keys = [...locationOf.keys()].map((k) => ({ path: JSON.parse(k) as string[] }));
  const data = await dagsterQuery<{
    assetNodes: {
      assetKey: { path: string[] };
      dependencyKeys: { path: string[] }[];
      dependedByKeys: { path: string[] }[];
    }[];
  }>(
    `query L($keys: [AssetKeyInput!]!) { assetNodes(assetKeys: $keys) { assetKey { path } dependencyKeys { path } dependedByKeys { path } } }`,
    { keys },
  );
  const cross = new Set<string>();
  const downstream = new Map<string, string[]>();
  for (const n of data.assetNodes) {
    const me = id(n.assetKey.path);
    for (const up of n.dependencyKeys) {
      const from = id(up.path);
      if (locationOf.has(from) && locationOf.get(from) !== locationOf.get(me))
        cross.add(`${from} -> ${me}`);
    }
    downstream.set(
      me,
      n.dependedByKeys.map((k) => id(k.path)),
    );
  }
  const teamOf = (asset: string) => {
    const o = owners.get(asset) ?? [];
    return (
      TEAMS.find((t) => o.includes(t.owner))?.slug ??
      TEAMS.find((t) => t.location === locationOf.get(asset))?.slug ??
      "(no team)"
    );
  };
  const blast = (start: string) => {
    const seen = new Set<string>();
    const todo = [...(downstream.get(start) ?? [])];
    while (todo.length) {
      const next = todo.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(downstream.get(next) ?? []));
    }
    const teams = new Map<string, number>();
    for (const a of seen) teams.set(teamOf(a), (teams.get(teamOf(a)) ?? 0) + 1);
    return { assets: [...seen].sort(), teams };
  };
  return { crossLocationEdges: [...cross].sort(), blast };
}
