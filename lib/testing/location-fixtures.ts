import type { AssetDefinition, CodeLocationSnapshot } from "@/lib/domain/types";

/** A loaded code location holding `assets`, for unit tests of pure modules. */
export function location(
  deployment: string,
  name: string,
  assets: AssetDefinition[],
  extra: Partial<CodeLocationSnapshot> = {},
): CodeLocationSnapshot {
  return {
    deployment,
    name,
    status: "loaded",
    error: null,
    versionKey: `${deployment}-${name}`,
    fingerprint: null,
    version: null,
    updatedAt: 0,
    repositories: ["__repository__"],
    assets: assets.map((a) => ({ ...a, deployment, location: name })),
    ...extra,
  };
}
