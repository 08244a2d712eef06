import type { RunRecord } from "@/lib/domain/run-types";

// A team's runs: the runs that planned or failed one of the team's assets, in
// the asset's own deployment. A run that touched no asset at all (an op job, or
// a job whose assets Healthboard cannot see) belongs to the teams whose config
// lists its code location under `locations`; a location shared by owners
// assigns such runs to nobody, since nothing says whose they are.

export interface TeamRunScope {
  /** The team's assets as (deployment, asset id). */
  assets: readonly { deployment: string; id: string }[];
  /** The code locations the team's config lists as wholly its own. */
  configLocations: readonly { deployment: string; location: string }[];
  /** The location filter of the page, if any. */
  location?: string;
}

export function teamRuns(runs: readonly RunRecord[], scope: TeamRunScope): RunRecord[] {
  const byDeployment = new Map<string, Set<string>>();
  for (const a of scope.assets) {
    const ids = byDeployment.get(a.deployment) ?? new Set<string>();
    ids.add(a.id);
    byDeployment.set(a.deployment, ids);
  }
  const owned = new Set(scope.configLocations.map((l) => `${l.deployment}\u0000${l.location}`));
  return runs.filter((r) => {
    if (scope.location && r.location !== scope.location) return false;
    if (r.plannedAssetIds.length === 0 && r.failedAssetIds.length === 0)
      return owned.has(`${r.deployment}\u0000${r.location}`);
    const ids = byDeployment.get(r.deployment);
    if (!ids) return false;
    return (
      r.plannedAssetIds.some((id) => ids.has(id)) || r.failedAssetIds.some((id) => ids.has(id))
    );
  });
}
