import type { FreshnessPolicy, LocationStatus } from "@/lib/domain/types";
import { formatDuration } from "@/lib/format";
import type { AssetHealth } from "@/lib/health/health-model";
import {
  isDegraded,
  isHealthy,
  isStale,
  isUnknown,
  isWarning,
  type OverallHealth,
  worstOf,
} from "@/lib/metrics/definitions";
import type { BadgeColor } from "./badge-svg";

// What a badge says, from the snapshot's health model. Pure, so every rule
// below is unit-tested without a server.

export interface BadgeState {
  message: string;
  color: BadgeColor;
}

/** Team health: the counts of unhealthy assets, worst colour first (lib/metrics predicates). */
export function teamBadgeState(overall: readonly OverallHealth[]): BadgeState {
  const degraded = overall.filter(isDegraded).length;
  const warning = overall.filter(isWarning).length;
  const healthy = overall.filter(isHealthy).length;
  const unknown = overall.filter(isUnknown).length;
  if (degraded > 0) {
    const extra = warning > 0 ? `, ${warning} warning` : "";
    return { message: `${degraded} degraded${extra}`, color: "degraded" };
  }
  if (warning > 0) return { message: `${warning} warning`, color: "warning" };
  if (healthy > 0 && unknown === 0) return { message: "healthy", color: "healthy" };
  // Never-materialized assets are UNKNOWN: say so rather than claim "healthy".
  if (healthy > 0) return { message: `healthy, ${unknown} unknown`, color: "healthy" };
  return { message: "unknown", color: "unknown" };
}

/** One definition of an asset: its health, and what the freshness detail needs. */
export interface AssetBadgeInput {
  health: AssetHealth;
  policy: FreshnessPolicy | null;
  lastMaterializedAt: number | null;
}

const HEALTH_COLOR: Record<OverallHealth, BadgeColor> = {
  HEALTHY: "healthy",
  WARNING: "warning",
  DEGRADED: "degraded",
  UNKNOWN: "unknown",
};

/**
 * How far past its window an overdue asset is, for time-window policies (the
 * warn window while only warning, as the team page's freshness panel does).
 */
function lateness(input: AssetBadgeInput, now: number): string | null {
  const p = input.policy;
  if (p?.kind !== "time-window" || input.lastMaterializedAt === null) return null;
  const windowS =
    input.health.freshness === "WARNING" && p.warnWindowSeconds
      ? p.warnWindowSeconds
      : p.failWindowSeconds;
  const late = now - input.lastMaterializedAt - windowS * 1000;
  return late > 0 ? `${formatDuration(late)} late` : null;
}

/** The secondary text: the freshness verdict, only for assets with a policy and a verdict. */
function freshnessDetail(input: AssetBadgeInput, now: number): string | null {
  if (!input.policy) return null;
  if (isStale(input.health)) {
    const late = lateness(input, now);
    return late ? `stale ${late}` : "stale";
  }
  return input.health.freshness === "HEALTHY" ? "fresh" : null;
}

/**
 * Asset health over its definitions: the worst overall health speaks for the
 * key (as on every other surface), with its freshness as secondary text, so a
 * fresh asset with a failing ERROR check reads "degraded · fresh", never green.
 */
export function assetBadgeState(definitions: readonly AssetBadgeInput[], now: number): BadgeState {
  const worst = worstOf(definitions.map((d) => ({ ...d, overall: d.health.overall })));
  if (!worst) return { message: "unknown", color: "unknown" };
  const overall = worst.health.overall;
  const detail = freshnessDetail(worst, now);
  return {
    message: detail ? `${overall.toLowerCase()} · ${detail}` : overall.toLowerCase(),
    color: HEALTH_COLOR[overall],
  };
}

const LOCATION_COLOR: Record<LocationStatus, BadgeColor> = {
  loaded: "healthy",
  loading: "warning",
  failed: "degraded",
};

/**
 * Code location load status, with the deploy success rate when there were
 * deploys (rounded down: one failed deploy in 300 must not read "100%").
 */
export function locationBadgeState(status: LocationStatus, successRate: number | null): BadgeState {
  const rate = successRate === null ? "" : ` · deploys ${Math.floor(successRate * 100)}% ok`;
  return { message: `${status}${rate}`, color: LOCATION_COLOR[status] };
}
