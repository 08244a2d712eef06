import { type AssetHealth, assetHealth } from "@/lib/health/health-model";
import type { OwnedAsset } from "@/lib/lineage/graph-types";
import { worstOf } from "@/lib/metrics/definitions";
import { definitionKey } from "./snapshot-types";

// Health of an asset as owned: per (deployment, key), the worst over a merge
// group. References (declarations in consumer locations) never count.

/** The worst of `list` by overall severity (lib/metrics worstOf); UNKNOWN for an empty list. */
export function worstHealth(list: Iterable<AssetHealth>): AssetHealth {
  return worstOf(list) ?? assetHealth(undefined);
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
