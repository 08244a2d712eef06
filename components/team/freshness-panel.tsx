import { ExternalLink } from "@/components/external-link";
import { HealthBadge } from "@/components/health-badge";
import { Card, Panel } from "@/components/panel/panel";
import { TableHead } from "@/components/panel/table-head";
import { formatDuration, formatKey, formatPct } from "@/lib/format";
import { assetUrl, type DagsterUrls } from "@/lib/links/dagster-links";
import { type FirstScreenModel, freshnessTotals } from "@/lib/teams/first-screen";
import { coverageNote } from "@/lib/teams/freshness-report";
import { ListCsvButton, usePage } from "./list-pager";

export function FreshnessPanel({ model, urls }: { model: FirstScreenModel; urls: DagsterUrls }) {
  const f = model.freshness;
  // A cut model holds each list's first page only (lib/teams/first-screen.ts).
  const totals = freshnessTotals(model);
  const complete = !model.cut;
  const overdue = usePage(f.overdue, totals.overdue, complete);
  const consumed = usePage(f.consumedByOtherTeams, totals.consumedBy, complete);
  return (
    <Panel
      title="Freshness"
      id="freshness"
      actions={
        <ListCsvButton
          complete={complete}
          filename={`${model.team.slug}-freshness.csv`}
          header={[
            "asset",
            "location",
            "state",
            "last_materialized_utc",
            "window_seconds",
            "late_seconds",
          ]}
          rows={() =>
            f.overdue.map((o) => [
              formatKey(o.key),
              o.location,
              o.state,
              o.lastMaterializedAt ? new Date(o.lastMaterializedAt).toISOString() : "",
              o.windowSeconds ?? "",
              Number.isFinite(o.lateMs) ? Math.round(o.lateMs / 1000) : "never",
            ])
          }
        />
      }
    >
      <Card className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-6">
          {(["HEALTHY", "WARNING", "DEGRADED", "UNKNOWN"] as const).map((state) => (
            <div key={state}>
              <dt className="text-xs text-slate-500">
                <HealthBadge status={state} />
              </dt>
              <dd
                className="mt-1 text-xl font-semibold tabular-nums"
                data-testid={`freshness-${state}`}
              >
                {f.byState[state]}
              </dd>
            </div>
          ))}
          <div>
            <dt className="text-xs text-slate-500">No policy</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums">{f.withoutPolicy}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Pass rate ({model.window.range})</dt>
            <dd
              className="mt-1 text-xl font-semibold tabular-nums"
              data-testid="freshness-pass-rate"
            >
              {f.passRate === null && f.noDataMs > 0 ? "no data" : formatPct(f.passRate)}
            </dd>
            {coverageNote(f, model.window) && (
              <dd className="text-xs text-slate-500" data-testid="freshness-coverage">
                {coverageNote(f, model.window)}
              </dd>
            )}
          </div>
        </dl>

        <div>
          <h3 className="mb-2 text-sm font-medium">Overdue, most late first</h3>
          {f.overdue.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing is overdue.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="overdue-table">
              <TableHead
                columns={[
                  "Asset",
                  "State",
                  "Last materialized",
                  { label: "Late by", align: "right" },
                ]}
              />
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {overdue.shown.map((o) => (
                  <tr key={`${o.deployment}/${o.id}`}>
                    <td className="py-1.5">
                      <ExternalLink href={assetUrl(urls, o.deployment, o.key)}>
                        {formatKey(o.key)}
                      </ExternalLink>
                    </td>
                    <td className="py-1.5">
                      <HealthBadge status={o.state} />
                    </td>
                    <td className="py-1.5 text-slate-600 dark:text-slate-400">
                      {o.lastMaterializedAt
                        ? new Date(o.lastMaterializedAt)
                            .toISOString()
                            .slice(0, 16)
                            .replace("T", " ")
                        : "never"}
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{formatDuration(o.lateMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {overdue.pager}
        </div>

        <div>
          <h3 className="mb-2 text-sm font-medium">Consumed by other teams</h3>
          {f.consumedByOtherTeams.length === 0 ? (
            <p className="text-sm text-slate-500">No other team reads these assets.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="consumed-by">
              {consumed.shown.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{formatKey(c.key)}</span>
                  <span className="text-slate-500"> → </span>
                  {c.consumers
                    .map((x) => `${x.team} (${x.assets.map(formatKey).join(", ")})`)
                    .join("; ")}
                </li>
              ))}
            </ul>
          )}
          {consumed.pager}
        </div>
      </Card>
    </Panel>
  );
}
