import type { CodeLocationSnapshot } from "@/lib/domain/types";
import type { DeployEvent, KnownLocationState } from "./deploy-types";

/**
 * The transitions between what was last recorded for a location and what
 * Dagster reports now. Pure. A LOADING location is not judged until it
 * settles, because multi-replica webservers report transient LOADING states.
 */
export function trackDeploys(
  known: KnownLocationState | null,
  current: CodeLocationSnapshot,
  now: number,
): DeployEvent[] {
  if (current.status === "loading") return [];
  const failed = current.status === "failed";
  const base = {
    deployment: current.deployment,
    location: current.name,
    versionKey: current.versionKey,
    error: failed ? (current.error?.message ?? "failed to load") : null,
    at: current.updatedAt > 0 ? current.updatedAt : now,
  };
  if (!known) return [{ ...base, kind: failed ? "deploy_failed" : "observed" }];
  if (known.versionKey !== current.versionKey) {
    const events: DeployEvent[] = [{ ...base, kind: failed ? "deploy_failed" : "deploy" }];
    if (known.failed && !failed) events.push({ ...base, kind: "recovery" });
    return events;
  }
  if (known.failed && !failed) return [{ ...base, kind: "recovery" }];
  return [];
}
