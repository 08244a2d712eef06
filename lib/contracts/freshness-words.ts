import type { FreshnessPolicy } from "@/lib/domain/types";

// Freshness policies in words, for people reading a wiki page rather than Dagster code.

/** 21600 -> "6 h"; whole days, hours or minutes where they divide evenly. */
export function durationWords(seconds: number): string {
  if (seconds > 0 && seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${seconds} s`;
}

/**
 * "fresh within 6 h; warn after 3 h" for a time window; for a cron policy,
 * "updated in the 1 h before each 0 9 * * * deadline (UTC)".
 */
export function freshnessWords(policy: FreshnessPolicy | null): string {
  if (!policy) return "none";
  if (policy.kind === "time-window") {
    const warn =
      policy.warnWindowSeconds !== null
        ? `; warn after ${durationWords(policy.warnWindowSeconds)}`
        : "";
    return `fresh within ${durationWords(policy.failWindowSeconds)}${warn}`;
  }
  return `updated in the ${durationWords(policy.lowerBoundDeltaSeconds)} before each ${policy.deadlineCron} deadline (${policy.timezone})`;
}
