import type { LocationStatus } from "@/lib/domain/types";
import { formatDuration } from "@/lib/format";
import {
  isDegraded,
  isHealthy,
  isStale,
  isUnknown,
  isWarning,
  type OverallHealth,
  worstOf,
} from "@/lib/metrics/definitions";
import { freshnessReason, healthReason, overdue, type ReasonInput } from "./badge-reason";
import type { BadgeColor } from "./badge-svg";

// What a badge says, from the snapshot's health model. Pure, so every rule
// below is unit-tested without a server.

export interface BadgeState {
  message: string;
  color: BadgeColor;
  /** Why, for the SVG <title>: "degraded: check auc_above_threshold failed (ERROR)". */
  reason?: string;
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

/** One definition of an asset: its health, and what the freshness detail and the reason need. */
export type AssetBadgeInput = ReasonInput;

const HEALTH_COLOR: Record<OverallHealth, BadgeColor> = {
  HEALTHY: "healthy",
  WARNING: "warning",
  DEGRADED: "degraded",
  UNKNOWN: "unknown",
};

/** The secondary text: the freshness verdict, only for assets with a policy and a verdict. */
function freshnessDetail(input: AssetBadgeInput, now: number): string | null {
  if (!input.policy) return null;
  if (isStale(input.health)) {
    const late = overdue(input, now);
    return late ? `stale ${formatDuration(late.lateMs)} late` : "stale";
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
  const reason = healthReason(worst, now);
  return {
    message: detail ? `${overall.toLowerCase()} · ${detail}` : overall.toLowerCase(),
    color: HEALTH_COLOR[overall],
    ...(reason ? { reason } : {}),
  };
}

/**
 * ?show=freshness: the freshness verdict alone (the worst over definitions
 * with a policy), for READMEs that track an SLA rather than overall health.
 */
export function freshnessBadgeState(
  definitions: readonly AssetBadgeInput[],
  now: number,
): BadgeState {
  const withPolicy = definitions.filter((d) => d.policy);
  const worst = worstOf(
    withPolicy.map((d) => ({
      ...d,
      overall: (d.health.freshness === "NOT_APPLICABLE"
        ? "UNKNOWN"
        : d.health.freshness) as OverallHealth,
    })),
  );
  if (!worst) return { message: "no policy", color: "inactive", reason: "no freshness policy" };
  const reason = freshnessReason(worst, now) ?? undefined;
  const message =
    worst.overall === "HEALTHY"
      ? "fresh"
      : worst.overall === "UNKNOWN"
        ? "unknown"
        : (freshnessDetail(worst, now) ?? "stale");
  return { message, color: HEALTH_COLOR[worst.overall], ...(reason ? { reason } : {}) };
}

const LOCATION_COLOR: Record<LocationStatus, BadgeColor> = {
  loaded: "healthy",
  loading: "warning",
  failed: "degraded",
};

/**
 * Code location load status, with the deploy success rate when there were
 * deploys, as a whole percent rounded down (one failed deploy in 300 must not
 * read "100%"), and "<1%" for a share above none that rounds down to 0.
 */
export function locationBadgeState(status: LocationStatus, successRate: number | null): BadgeState {
  return { message: `${status}${deployRate(successRate)}`, color: LOCATION_COLOR[status] };
}

function deployRate(successRate: number | null): string {
  if (successRate === null) return "";
  // 29 of 50 is 0.58, and 0.58 * 100 is 57.99999999999999 in floating point.
  const pct = Math.floor(successRate * 100 + 1e-9);
  return ` · deploys ${pct === 0 && successRate > 0 ? "<1" : pct}% ok`;
}
