import { ExternalLink } from "@/components/external-link";
import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { TableHead } from "@/components/panel/table-head";
import { RunErrorText } from "@/components/run-error";
import { formatDuration, formatKey } from "@/lib/format";
import { type DagsterUrls, runUrl } from "@/lib/links/dagster-links";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import { countedSince, failuresCsvRows, mapRunsTrend } from "@/lib/teams/chart-data";
import { useTeamCharts } from "./team-charts";

export function FailuresPanel({ model, urls }: { model: TeamPageModel; urls: DagsterUrls }) {
  const { RunsChart } = useTeamCharts();
  const f = model.failures;
  const openEpisodes = f.recoveries.filter((r) => r.recoveredAt === null).length;
  const runsSince = countedSince(model.window, model.window.runsFrom);
  return (
    <Panel
      title="Failures"
      id="failures"
      actions={
        <CsvButton
          filename={`${model.team.slug}-failures.csv`}
          header={[
            "bucket_utc",
            "location",
            "runs_succeeded",
            "runs_failed",
            "materializations",
            "partial",
          ]}
          rows={() => failuresCsvRows(model.window, f.trend)}
        />
      }
    >
      <Card className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">Failed runs</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid="failures-total">
              {f.totals.runsFailed}
            </dd>
            <CountedSince text={runsSince} />
          </div>
          <div>
            <dt className="text-xs text-slate-500">Succeeded runs</dt>
            <dd className="text-xl font-semibold tabular-nums">{f.totals.runsSucceeded}</dd>
            <CountedSince text={runsSince} />
          </div>
          <div>
            <dt className="text-xs text-slate-500">Materializations</dt>
            <dd className="text-xl font-semibold tabular-nums">{f.totals.materializations}</dd>
            <CountedSince text={countedSince(model.window, model.window.dataFrom)} />
          </div>
          <div>
            <dt className="text-xs text-slate-500">Median time to recovery</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {formatDuration(f.medianRecoveryMs)}
            </dd>
            {openEpisodes > 0 ? (
              <dd className="text-xs text-degraded">{openEpisodes} not recovered</dd>
            ) : null}
          </div>
        </dl>
        <RunsChart data={mapRunsTrend(f.trend, model.window)} />
        <div>
          <h3 className="mb-2 text-sm font-medium">Recent failures</h3>
          {f.recent.length === 0 ? (
            <p className="text-sm text-slate-500">No failed runs in this range.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="recent-failures">
              <TableHead columns={["When (UTC)", "Location", "Job", "Reason and error", "Run"]} />
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {f.recent.map((r) => (
                  <tr key={r.runId}>
                    <td className="py-1.5 whitespace-nowrap">
                      {new Date(r.at).toISOString().slice(0, 16).replace("T", " ")}
                    </td>
                    <td className="py-1.5">{r.location}</td>
                    <td className="py-1.5">
                      {r.job}
                      {r.failedAssetKeys.length ? (
                        <span className="block text-xs text-slate-500" data-testid="failed-assets">
                          failed: {r.failedAssetKeys.map(formatKey).join(", ")}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-1.5">
                      {r.reason ?? r.status}
                      {r.error ? (
                        <RunErrorText
                          error={r.error}
                          logsUrl={runUrl(urls, r.deployment, r.runId)}
                        />
                      ) : null}
                    </td>
                    <td className="py-1.5 font-mono text-xs">
                      <ExternalLink href={runUrl(urls, r.deployment, r.runId)}>
                        {r.runId.slice(0, 8)}
                      </ExternalLink>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Card>
    </Panel>
  );
}

/** Under a total that counts less than the window: since when it counts. */
function CountedSince({ text }: { text: string | null }) {
  return text ? (
    <dd className="text-xs text-slate-500" data-testid="counted-since">
      {text}
    </dd>
  ) : null;
}
