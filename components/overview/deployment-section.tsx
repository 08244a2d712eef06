import { plural } from "@/lib/format";
import type { OverviewDeployment } from "@/lib/overview/overview-model";
import { RelativeTime } from "../format-time";
import { LocationTable } from "./location-table";

export function DeploymentSection({ deployment }: { deployment: OverviewDeployment }) {
  const headingId = `deployment-${deployment.name}`;
  const broken = deployment.locations.filter((l) => l.status === "failed").length;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="deployment"
      data-deployment={deployment.name}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3 dark:border-slate-800">
        <h2 id={headingId} className="text-base font-semibold">
          {deployment.name}
          <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            {deployment.kind === "plus" ? "Dagster+" : "Dagster OSS"}
          </span>
          <span className="ml-2 text-xs font-normal text-slate-500">
            {plural(deployment.locations.length, "code location")}
          </span>
          {broken ? (
            <span
              data-testid="deployment-broken-count"
              className="ml-2 rounded bg-degraded/15 px-1.5 py-0.5 text-xs font-medium text-degraded"
            >
              {broken} down
            </span>
          ) : null}
        </h2>
        <div className="text-xs text-slate-500">
          <span
            data-testid="deployment-as-of"
            className={deployment.error ? "font-medium text-warning" : undefined}
          >
            {deployment.asOf ? (
              <>
                data as of <RelativeTime ms={deployment.asOf} />
              </>
            ) : (
              "no data yet"
            )}
          </span>
          {deployment.dagsterUrl ? (
            <a
              href={deployment.dagsterUrl}
              className="ml-3 text-blue-700 hover:underline dark:text-blue-400"
              target="_blank"
              rel="noreferrer"
            >
              Open in Dagster
            </a>
          ) : null}
        </div>
      </header>
      {deployment.error ? (
        <p
          role="status"
          data-testid="deployment-error"
          className="border-b border-warning/30 bg-warning/10 px-4 py-2 text-sm"
        >
          Cannot reach this deployment ({deployment.error}).
          {deployment.asOf ? " Showing the last good data." : " No data yet."}
        </p>
      ) : null}
      <LocationTable locations={deployment.locations} />
    </section>
  );
}
