import type { AssetDefinition, AssetKeyPath } from "@/lib/domain/types";
import { assetId } from "@/lib/domain/types";

/**
 * In-memory definitions shaped like bench/generate_workload.py's workspace:
 * K locations, one or two upstream deps per asset, ~15% across locations,
 * downstream keys filled in as Dagster's dependedByKeys would be.
 */
export function syntheticDefinitions(n: number, k = 12, seed = 4242): AssetDefinition[] {
  let state = seed;
  const rand = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const defs: AssetDefinition[] = [];
  const byLocation: AssetDefinition[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) {
    const loc = i % k;
    const key: AssetKeyPath = [
      `team_${String(loc).padStart(2, "0")}`,
      `asset_${String(i).padStart(5, "0")}`,
    ];
    const upstream: AssetKeyPath[] = [];
    if (defs.length > 0) {
      const count = rand() < 0.33 ? 2 : 1;
      for (let j = 0; j < count; j++) {
        const local = byLocation[loc] as AssetDefinition[];
        const source = rand() < 0.15 || local.length === 0 ? defs.slice(-2000) : local.slice(-200);
        upstream.push(pick(source).key);
      }
    }
    const def: AssetDefinition = {
      id: assetId(key),
      key,
      deployment: "prod",
      location: `team-${String(loc).padStart(2, "0")}`,
      group: `group_${Math.floor(i / k) % 8}`,
      description: null,
      kinds: [pick(["python", "dbt", "snowflake", "spark"])],
      owners: [{ kind: "team", team: `team_${String(loc).padStart(2, "0")}` }],
      upstream,
      downstream: [],
      jobNames: [],
      opNames: [],
      isPartitioned: false,
      hasChecks: false,
      isMaterializable: true,
      isObservable: false,
      isExecutable: true,
      freshnessPolicy:
        i % 10 === 0
          ? { kind: "time-window", failWindowSeconds: 86_400, warnWindowSeconds: null }
          : null,
    };
    defs.push(def);
    (byLocation[loc] as AssetDefinition[]).push(def);
  }
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const d of defs) for (const up of d.upstream) byId.get(assetId(up))?.downstream.push(d.key);
  return defs;
}
