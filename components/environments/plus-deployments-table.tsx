import Link from "next/link";
import { ExternalLink } from "@/components/external-link";
import { withEnv } from "@/lib/environments/env-href";
import type { Discovery } from "@/lib/environments/plus-discovery-runtime";

/** Deployments found in Dagster+ (full and open branch deployments), as environments, and how each is collected. */
export function PlusDeploymentsTable({ discoveries }: { discoveries: Discovery[] }) {
  return (
    <div className="space-y-4">
      {discoveries.map((d) => (
        <div key={d.from}>
          <p className="text-sm text-slate-500">
            From <code>{d.from}</code>
            {d.at ? ` at ${new Date(d.at).toISOString()}` : " (not answered yet)"}
            {d.error ? (
              <span className="text-degraded"> · last refresh failed: {d.error}</span>
            ) : null}
          </p>
          <table className="w-full text-left text-sm" data-testid="plus-deployments">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1 pr-3">Deployment</th>
                <th className="py-1 pr-3">Environment</th>
                <th className="py-1 pr-3">Branch and pull request</th>
                <th className="py-1 pr-3">Latest commit</th>
                <th className="py-1">Collected</th>
              </tr>
            </thead>
            <tbody>
              {d.deployments.map((dep) => (
                <tr key={dep.name} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-1 pr-3">{dep.name}</td>
                  <td className="py-1 pr-3">{dep.environment}</td>
                  <td className="py-1 pr-3">
                    {dep.branch ? (
                      <>
                        <code>{dep.branch.name}</code>{" "}
                        {dep.branch.pullRequestUrl ? (
                          <ExternalLink href={dep.branch.pullRequestUrl}>
                            PR {dep.branch.pullRequestNumber ?? ""}
                          </ExternalLink>
                        ) : null}{" "}
                        {dep.branch.pullRequestStatus?.toLowerCase() ?? ""}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1 pr-3">
                    {dep.commit ? (
                      <>
                        <code>{dep.commit.hash.slice(0, 12)}</code> by{" "}
                        {dep.commit.author ?? "unknown"}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1" data-testid="plus-collected">
                    {d.collectedAs[dep.graphqlUrl] ? (
                      <Link className="underline" href={withEnv("/", dep.environment)}>
                        as <code>{d.collectedAs[dep.graphqlUrl]}</code>
                      </Link>
                    ) : (
                      "configured"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
