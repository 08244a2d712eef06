import { LocationStatusBadge } from "@/components/overview/location-status-badge";
import type { LocationComparison } from "@/lib/environments/compare-environments";
import { AssetDiffList } from "./asset-diff-list";

/** Each code location across environments: version, load status, assets against the base. */
export function LocationComparisonTable({
  locations,
  base,
}: {
  locations: LocationComparison[];
  base: string;
}) {
  if (!locations.length) return <p className="text-sm text-slate-500">No code locations yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="environment-comparison">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Code location</th>
            <th className="py-1 pr-3">Environment</th>
            <th className="py-1 pr-3">Deployment</th>
            <th className="py-1 pr-3">Version</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1">Assets against {base}</th>
          </tr>
        </thead>
        <tbody>
          {locations.flatMap((loc) =>
            loc.entries.map((e, i) => (
              <tr
                key={`${loc.location}/${e.deployment}`}
                className="border-t border-slate-200 align-top dark:border-slate-800"
                data-location={loc.location}
                data-deployment={e.deployment}
                data-environment={e.environment}
              >
                <td className="py-1 pr-3 font-medium">{i === 0 ? loc.location : ""}</td>
                <td className="py-1 pr-3">{e.environment}</td>
                <td className="py-1 pr-3">{e.deployment}</td>
                <td className="py-1 pr-3">
                  <code title={e.fingerprint ?? undefined}>{e.version ?? "unknown"}</code>
                </td>
                <td className="py-1 pr-3">
                  <LocationStatusBadge status={e.status} />
                  {e.error ? (
                    <p className="mt-1 max-w-xs truncate text-xs text-degraded" title={e.error}>
                      {e.error.split("\n")[0]}
                    </p>
                  ) : null}
                </td>
                <td className="py-1">
                  {e.deployment === loc.baseDeployment ? (
                    <span className="text-slate-500">base</span>
                  ) : e.diff ? (
                    <AssetDiffList diff={e.diff} />
                  ) : (
                    <span className="text-slate-500">
                      {loc.baseDeployment
                        ? "cannot compare while it does not load"
                        : `not in ${base}`}
                    </span>
                  )}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
