import { type DeployImpact, describeImpact } from "@/lib/deploys/deploy-impact";
import { type DeployStats, deployStats } from "@/lib/deploys/deploy-stats";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import type { TimeWindow } from "./time-range";

export interface LocationDeploys {
  deployment: string;
  location: string;
  status: CodeLocationSnapshot["status"] | "unknown";
  error: string | null;
  versionKey: string | null;
  /** Commit or image tag when Dagster shows one, else a short code fingerprint. */
  version: string | null;
  fingerprint: string | null;
  stats: DeployStats;
  /** Deploys, failures and recoveries in the window, oldest first. */
  timeline: DeployEvent[];
  /** The window's deploys whose downstream impact is elevated (deploy-impact.ts), described. */
  impacts: { at: number; lines: string[] }[];
}

/** A location's deploys with their downstream impact (lib/deploys/location-versions.ts). */
export type ImpactsOf = (at: { deployment: string; location: string }) => readonly DeployImpact[];

export function deployReport(
  locations: readonly { deployment: string; location: string }[],
  current: readonly CodeLocationSnapshot[],
  events: readonly DeployEvent[],
  window: TimeWindow,
  impactsOf: ImpactsOf = () => [],
): LocationDeploys[] {
  return locations.map(({ deployment, location }) => {
    const loc = current.find((l) => l.deployment === deployment && l.name === location);
    const mine = events.filter((e) => e.deployment === deployment && e.location === location);
    return {
      deployment,
      location,
      status: loc?.status ?? "unknown",
      error: loc?.error?.message ?? null,
      versionKey: loc?.versionKey ?? null,
      version: loc?.version ?? null,
      fingerprint: loc?.fingerprint ?? null,
      stats: deployStats(mine, window.since, window.until),
      timeline: mine.filter(
        (e) => e.at >= window.since && e.at < window.until && e.kind !== "observed",
      ),
      // The same impacts the Versions panel shows, so the timeline and the
      // version history never disagree about which deploy hurt whom.
      impacts: impactsOf({ deployment, location })
        .filter((i) => i.elevated && i.at >= window.since && i.at < window.until)
        .sort((a, b) => a.at - b.at)
        .map((i) => ({
          at: i.at,
          lines: i.consumers.filter((c) => c.elevated).map((c) => describeImpact(i, c)),
        })),
    };
  });
}
