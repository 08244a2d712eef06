import type { AssetDefinition, AssetKeyPath } from "@/lib/domain/types";
import { assetId } from "@/lib/domain/types";

/** A definition with sensible defaults, for unit tests of pure modules. */
export function def(
  key: AssetKeyPath,
  where: { deployment?: string; location?: string },
  deps: { upstream?: AssetKeyPath[]; downstream?: AssetKeyPath[] } = {},
  extra: Partial<AssetDefinition> = {},
): AssetDefinition {
  return {
    id: assetId(key),
    key,
    deployment: where.deployment ?? "prod",
    location: where.location ?? "loc",
    group: "default",
    description: null,
    kinds: [],
    owners: [],
    upstream: deps.upstream ?? [],
    downstream: deps.downstream ?? [],
    jobNames: [],
    opNames: [],
    isPartitioned: false,
    hasChecks: false,
    freshnessPolicy: null,
    isMaterializable: true,
    isObservable: false,
    isExecutable: true,
    ...extra,
  };
}
