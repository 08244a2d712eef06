import type { DeployEvent } from "./deploy-types";

export interface DeployStats {
  deploys: number;
  failed: number;
  /** Successful deploys over all deploys in the window; null when there were none. */
  successRate: number | null;
  lastDeploy: DeployEvent | null;
}

/** Deploy success over [since, until). Baseline and recovery events are not deploys. */
export function deployStats(
  events: readonly DeployEvent[],
  since: number,
  until: number,
): DeployStats {
  let deploys = 0;
  let failed = 0;
  let lastDeploy: DeployEvent | null = null;
  for (const e of events) {
    if (e.at < since || e.at >= until) continue;
    if (e.kind !== "deploy" && e.kind !== "deploy_failed") continue;
    deploys++;
    if (e.kind === "deploy_failed") failed++;
    if (!lastDeploy || e.at >= lastDeploy.at) lastDeploy = e;
  }
  return {
    deploys,
    failed,
    successRate: deploys === 0 ? null : (deploys - failed) / deploys,
    lastDeploy,
  };
}
