import { deployStats } from "@/lib/deploys/deploy-stats";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import { type LocationOutage, outageLookup } from "@/lib/snapshot/location-outages";

// Per code location: its load state and deploys, from the snapshot's locations
// and outages and the deploy store (docs/health-model.md, Broken locations and
// Deploys). Pure.

/** Every state a location can be in; exported as a state set (one series per state, 1 for the current). */
export const LOAD_STATES = ["loaded", "loading", "failed", "unreachable", "unknown"] as const;
export type LoadState = (typeof LOAD_STATES)[number];

export function loadStateOf(
  deployment: string,
  location: string,
  locations: readonly CodeLocationSnapshot[],
  outageOf: (deployment: string, location: string) => LocationOutage | null,
): LoadState {
  const outage = outageOf(deployment, location);
  if (outage?.kind === "deployment-unreachable") return "unreachable";
  if (outage?.kind === "location-failed") return "failed";
  const loc = locations.find((l) => l.deployment === deployment && l.name === location);
  if (!loc) return "unknown";
  return loc.status === "failed" ? "failed" : loc.status;
}

export interface LocationDeployFigures {
  /** Deploys (successful and failed) in the window; baselines and recoveries are not deploys. */
  deploys: number;
  failed: number;
  /** Successful / all deploys in the window; null with none (no series). */
  successRatio: number | null;
  /** Seconds since the latest successful deploy ever recorded; null when none is. */
  secondsSinceSuccess: number | null;
}

export function locationDeployFigures(
  events: readonly DeployEvent[],
  now: number,
  windowMs: number,
): LocationDeployFigures {
  const stats = deployStats(events, now - windowMs, now);
  let lastSuccess: number | null = null;
  for (const e of events)
    if (e.kind === "deploy" && e.at <= now && (lastSuccess === null || e.at > lastSuccess))
      lastSuccess = e.at;
  return {
    deploys: stats.deploys,
    failed: stats.failed,
    successRatio: stats.successRate,
    secondsSinceSuccess: lastSuccess === null ? null : (now - lastSuccess) / 1000,
  };
}

/** Groups deploy events by location, for many locations in one pass. */
export function eventsByLocation(events: readonly DeployEvent[]): Map<string, DeployEvent[]> {
  const out = new Map<string, DeployEvent[]>();
  for (const e of events) {
    const k = JSON.stringify([e.deployment, e.location]);
    const list = out.get(k) ?? [];
    list.push(e);
    out.set(k, list);
  }
  return out;
}

export { outageLookup };
