import type { OverviewLocation } from "@/lib/overview/overview-model";
import { RelativeTime } from "../format-time";
import { LocationStatusBadge } from "./location-status-badge";

export function LocationTable({ locations }: { locations: OverviewLocation[] }) {
  if (locations.length === 0) {
    return <p className="px-4 py-6 text-sm text-slate-500">No code locations reported yet.</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">
            Code location
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Status
          </th>
          <th scope="col" className="px-4 py-2 text-right font-medium">
            Assets
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Version
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Updated
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {locations.map((loc) => (
          <tr
            key={loc.name}
            data-testid="location-row"
            data-location={loc.name}
            className="align-top"
          >
            <th scope="row" className="px-4 py-3 font-medium">
              {loc.dagsterUrl ? (
                <a
                  href={loc.dagsterUrl}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                  target="_blank"
                  rel="noreferrer"
                >
                  {loc.name}
                  <span className="sr-only"> (opens in Dagster)</span>
                </a>
              ) : (
                loc.name
              )}
            </th>
            <td className="px-4 py-3">
              <LocationStatusBadge status={loc.status} />
              {loc.error ? (
                <pre
                  data-testid="location-error"
                  className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap rounded bg-degraded/10 p-2 font-mono text-xs text-degraded"
                >
                  {loc.error}
                </pre>
              ) : null}
            </td>
            <td data-testid="location-asset-count" className="px-4 py-3 text-right tabular-nums">
              {loc.status === "failed" ? "—" : loc.assetCount}
            </td>
            <td className="px-4 py-3">
              <code
                data-testid="location-version"
                className="text-xs text-slate-500"
                title={`Dagster reload marker: ${loc.versionKey}`}
              >
                {loc.version ?? "—"}
              </code>
            </td>
            <td className="px-4 py-3 whitespace-nowrap text-slate-600 dark:text-slate-400">
              <RelativeTime ms={loc.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
