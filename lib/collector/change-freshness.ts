import type { FreshnessPolicy } from "@/lib/domain/types";

// When an asset's freshness verdict can next change with time alone, from its
// policy and last materialization. Between sweeps the incremental refresh
// re-reads an asset only when a run touched it or one of these instants has
// passed, so Dagster's own verdict (written by its freshness daemon) is read
// soon after it moves instead of on every refresh. Framework-free.

/**
 * The instants (epoch ms) at which a time-window policy's verdict moves: the
 * warn window, then the fail window, after the last materialization. Before
 * any materialization the verdict does not move with time (it only changes
 * with a materialization, which a run reports). Returns null for a policy
 * whose instants this module cannot compute (cron): those assets are re-read
 * on every refresh, so they are never wrong between sweeps.
 */
export function freshnessInstants(
  policy: FreshnessPolicy,
  lastMaterializedAt: number | null,
): number[] | null {
  if (policy.kind !== "time-window") return null;
  if (lastMaterializedAt === null) return [];
  const out: number[] = [];
  if (policy.warnWindowSeconds !== null)
    out.push(lastMaterializedAt + policy.warnWindowSeconds * 1000);
  out.push(lastMaterializedAt + policy.failWindowSeconds * 1000);
  return out;
}

/**
 * Whether an asset's freshness may have moved between `since` and `now`: one
 * of its instants fell in (since − followUpMs, now]. The follow-up keeps the
 * asset re-read for a while after the instant, because Dagster's daemon
 * writes the new verdict on its own cadence (every 30 s by default).
 */
export function freshnessMayHaveMoved(
  policy: FreshnessPolicy | null,
  lastMaterializedAt: number | null,
  since: number,
  now: number,
  followUpMs: number,
): boolean {
  if (!policy) return false;
  const instants = freshnessInstants(policy, lastMaterializedAt);
  if (instants === null) return true;
  return instants.some((t) => t > since - followUpMs && t <= now);
}
