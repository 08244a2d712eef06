import { RelativeTime } from "@/components/format-time";
import type { OverviewDeployment } from "@/lib/overview/overview-model";

/**
 * Deployments Healthboard cannot currently read: the graph keeps their last
 * good assets and health, and this says how old those are and why.
 */
export function DeploymentAgeBanner({ deployments }: { deployments: OverviewDeployment[] }) {
  const failing = deployments.filter((d) => d.error !== null);
  if (failing.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="data-age-banner"
      className="rounded-lg border border-warning/40 bg-warning/10 px-4 py-2 text-sm"
    >
      {failing.map((d) => (
        <p key={d.name} data-deployment={d.name}>
          <span className="font-medium">{d.name}</span>:{" "}
          {d.asOf ? (
            <>
              showing data as of <RelativeTime ms={d.asOf} />
            </>
          ) : (
            "no data yet"
          )}
          <span className="text-slate-600 dark:text-slate-400"> ({d.error})</span>
        </p>
      ))}
    </div>
  );
}
