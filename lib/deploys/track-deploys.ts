import type { CodeLocationSnapshot } from "@/lib/domain/types";
import type { DeployEvent, DeployEventKind, KnownLocationState } from "./deploy-types";

/**
 * The transitions between what was last recorded for a location and what
 * Dagster reports now. Pure. The rules (docs/health-model.md repeats them):
 *
 * - LOADING is not judged until it settles (multi-replica webservers report
 *   transient LOADING states).
 * - First sight, loaded or failing: `observed`, a baseline, never a deploy.
 *   A history recorded before fingerprints gets one `observed` too, to set one.
 * - Loaded after loaded: a `deploy` when the fingerprint differs (asset
 *   definitions, code versions, image or commit); the same fingerprint is a
 *   restart or a no-op reload, whatever versionKey says, and records nothing.
 * - Failing after loaded: `deploy_failed` when versionKey moved, i.e. the
 *   failure followed a reload. A failing location has no definitions to
 *   fingerprint, so failures are judged by versionKey alone.
 * - Failing after failing: a new `deploy_failed` only when the location's
 *   commit or image (displayMetadata) changed; a reload of the same broken
 *   code, or a restart, records nothing.
 * - Loaded after failing: `deploy` (the fixed or rolled-back code) and `recovery`.
 */
export function trackDeploys(
  known: KnownLocationState | null,
  current: CodeLocationSnapshot,
  now: number,
): DeployEvent[] {
  if (current.status === "loading") return [];
  const failed = current.status === "failed";
  const event = (kind: DeployEventKind): DeployEvent => ({
    deployment: current.deployment,
    location: current.name,
    kind,
    versionKey: current.versionKey,
    fingerprint: failed ? null : (current.fingerprint ?? null),
    version: current.version ?? null,
    failed,
    error: failed ? (current.error?.message ?? "failed to load") : null,
    at: current.updatedAt > 0 ? current.updatedAt : now,
  });
  if (!known) return [event("observed")];
  if (failed) {
    if (!known.failed)
      return known.versionKey !== current.versionKey ? [event("deploy_failed")] : [];
    const version = current.version ?? null;
    return version !== null && known.version !== null && version !== known.version
      ? [event("deploy_failed")]
      : [];
  }
  if (known.failed) return [event("deploy"), event("recovery")];
  const fingerprint = current.fingerprint ?? null;
  if (fingerprint === null || fingerprint === known.fingerprint) return [];
  return [event(known.fingerprint === null ? "observed" : "deploy")];
}
