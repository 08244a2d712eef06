import { type AssetHealth, assetHealth, SEVERITY } from "@/lib/health/health-model";
import type { OwnedAsset } from "@/lib/lineage/graph-types";
import { definitionKey } from "./snapshot-types";

// Health of an asset as owned: per (deployment, key), the worst over a merge
// group. References (declarations in consumer locations) never count.

/** The worst of `list` by overall severity; UNKNOWN for an empty list. */
export function worstHealth(list: Iterable<AssetHealth>): AssetHealth {
  let worst: AssetHealth | undefined;
  for (const h of list) if (!worst || SEVERITY[h.overall] > SEVERITY[worst.overall]) worst = h;
  return worst ?? assetHealth(undefined);
}

/** One owned asset's health: the worst over its deployments (one unless merged). */
export function ownedHealth(
  definitionHealth: ReadonlyMap<string, AssetHealth>,
  assetId: string,
  owned: OwnedAsset,
): AssetHealth {
  const only = owned.deployments.length === 1 ? owned.deployments[0] : undefined;
  if (only !== undefined) {
    return definitionHealth.get(definitionKey(only, assetId)) ?? assetHealth(undefined);
  }
  return worstHealth(
    owned.deployments.map(
      (d) => definitionHealth.get(definitionKey(d, assetId)) ?? assetHealth(undefined),
    ),
  );
}
