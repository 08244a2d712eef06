import { RelativeTime } from "@/components/format-time";
import type { DeploymentFreshness } from "@/lib/snapshot/snapshot-types";

/**
 * Says how old the data is when it is older than expected or a refresh failed,
 * so stale numbers are never mistaken for current ones.
 */
export function DataAgeBanner({
  freshness,
  staleAfterMs,
  now,
}: {
  freshness: DeploymentFreshness[];
  staleAfterMs: number;
  now: number;
}) {
  const stale = freshness.filter(
    (d) => d.errors.length > 0 || d.statusesAsOf === null || now - d.statusesAsOf > staleAfterMs,
  );
  if (stale.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="data-age-banner"
      className="rounded-lg border border-warning/40 bg-warning/10 px-4 py-2 text-sm"
    >
      {stale.map((d) => (
        <p key={d.deployment} data-deployment={d.deployment}>
          <span className="font-medium">{d.deployment}</span>:{" "}
          {d.statusesAsOf ? (
            <>
              showing data as of <RelativeTime ms={d.statusesAsOf} />
            </>
          ) : (
            "no data yet"
          )}
          {d.errors[0] ? (
            <span className="text-slate-600 dark:text-slate-400"> ({d.errors[0]})</span>
          ) : null}
        </p>
      ))}
    </div>
  );
}
