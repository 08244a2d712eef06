import type { FreshnessPolicy, LocationStatus } from "@/lib/domain/types";
import { formatDuration } from "@/lib/format";
import type { AssetHealth } from "@/lib/health/health-model";
import type { HealthStatus } from "@/lib/health/status-types";
import type { BadgeColor } from "./badge-svg";

// What a badge says, from the snapshot's health model. Pure, so every rule
// below is unit-tested without a server.

export interface BadgeState {
  message: string;
  color: BadgeColor;
}

/** Team health: the counts of unhealthy assets, worst colour first. */
export function teamBadgeState(overall: readonly AssetHealth["overall"][]): BadgeState {
  const count = (s: AssetHealth["overall"]) => overall.filter((o) => o === s).length;
  const degraded = count("DEGRADED");
  const warning = count("WARNING");
  const healthy = count("HEALTHY");
  const unknown = count("UNKNOWN");
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

/** One definition of an asset, as far as freshness goes. */
export interface FreshnessInput {
  policy: FreshnessPolicy | null;
  /** Dagster's freshness verdict (AssetHealth.freshness); null when no status is known yet. */
  freshness: HealthStatus | null;
  lastMaterializedAt: number | null;
}

const FRESHNESS_RANK: Record<string, number> = { fresh: 0, "no policy": 1, unknown: 2, stale: 3 };

/**
 * How far past its window an overdue asset is, for time-window policies (the
 * warn window while only warning, as the team page's freshness panel does).
 */
function lateness(input: FreshnessInput, now: number): string | null {
  const p = input.policy;
  if (p?.kind !== "time-window" || input.lastMaterializedAt === null) return null;
  const windowS =
    input.freshness === "WARNING" && p.warnWindowSeconds
      ? p.warnWindowSeconds
      : p.failWindowSeconds;
  const late = now - input.lastMaterializedAt - windowS * 1000;
  return late > 0 ? `${formatDuration(late)} late` : null;
}

function oneFreshness(input: FreshnessInput, now: number): BadgeState & { word: string } {
  if (!input.policy) return { word: "no policy", message: "no policy", color: "inactive" };
  switch (input.freshness) {
    case "HEALTHY":
      return { word: "fresh", message: "fresh", color: "healthy" };
    case "WARNING":
    case "DEGRADED": {
      const late = lateness(input, now);
      return {
        word: "stale",
        message: late ? `stale · ${late}` : "stale",
        color: input.freshness === "WARNING" ? "warning" : "degraded",
      };
    }
    default:
      return { word: "unknown", message: "unknown", color: "unknown" };
  }
}

/** Asset freshness over its definitions: the worst one speaks for the key. */
export function assetBadgeState(definitions: readonly FreshnessInput[], now: number): BadgeState {
  let worst: (BadgeState & { word: string }) | null = null;
  for (const d of definitions) {
    const s = oneFreshness(d, now);
    const rank = (x: typeof s) =>
      (FRESHNESS_RANK[x.word] ?? 0) * 10 + (x.color === "degraded" ? 1 : 0);
    if (!worst || rank(s) > rank(worst)) worst = s;
  }
  return worst
    ? { message: worst.message, color: worst.color }
    : { message: "unknown", color: "unknown" };
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
