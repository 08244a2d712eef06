import { isHealthy, isUnhealthy } from "@/lib/metrics/definitions";
import type { TeamAssetRow } from "./build-team-page";
import type { AssetList } from "./team-href";

/**
 * Which of a team's assets each list holds (lib/metrics/definitions.ts). One
 * place for the panel that draws the lists and the server that cuts the first
 * page of one, so both pick the same rows.
 */
export const ASSET_FILTERS: Record<AssetList, (a: TeamAssetRow) => boolean> = {
  all: () => true,
  healthy: (a) => isHealthy(a.health),
  stale: (a) => a.stale,
  degraded: (a) => a.degraded,
  unhealthy: (a) => isUnhealthy(a.health),
};
