import "server-only";
import { deploymentStates, deployStore, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { getTeamPromotion } from "@/lib/environments/get-environments";
import type { ContractCheck } from "@/lib/promotion/contract-check";
import { getLocationVersions, type VersionsReport } from "./get-location-versions";
import type { LocationRef } from "./location-graph";
import { ReadCache } from "./read-cache";

// The team page's Versions panel and promotion check, cached (read-cache.ts):
// before, every render read the version history of each location and of its
// upstream locations from the store and ran the contract check of every
// environment. Versions are keyed by the snapshot generation, the deploy
// store's change mark (a new deploy or annotation moves it, from any replica)
// and "now" in steps of the asset refresh interval, at most a minute, as the
// team page model is (lib/teams/get-team-page.ts): durations and impact
// windows are at most one step old. The promotion check reads only the
// definitions of every deployment: keyed by their generations.

const MAX_STEP_MS = 60_000;
const versions = new ReadCache<VersionsReport>(128);
const promotion = new ReadCache<ContractCheck[]>(64);

/** getLocationVersions, shared by every request with the same inputs. */
export async function getCachedLocationVersions(
  refs: readonly LocationRef[],
  environment?: string,
): Promise<VersionsReport> {
  const snapshot = await getSnapshot(environment);
  const mark = await deployStore().changeMark();
  const step = Math.min(MAX_STEP_MS, loadConfig().refresh.assetStatusSeconds * 1000);
  const now = Math.floor(Date.now() / step) * step;
  return versions.read([refs, snapshot.generation, mark, now], () =>
    getLocationVersions(refs, now, environment),
  );
}

/** getTeamPromotion, rebuilt only when a deployment's definitions or statuses changed. */
export async function getCachedTeamPromotion(team: string): Promise<ContractCheck[]> {
  await getSnapshot();
  const generations = deploymentStates("*").map((s) => `${s.deployment}:${s.generation}`);
  return promotion.read([team, generations], () => getTeamPromotion(team));
}
