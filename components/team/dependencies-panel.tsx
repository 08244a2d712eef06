import { ExternalLink } from "@/components/external-link";
import { HealthBadge } from "@/components/health-badge";
import { Card, Panel } from "@/components/panel/panel";
import { TableHead } from "@/components/panel/table-head";
import { formatKey } from "@/lib/format";
import { assetUrl, type DagsterUrls } from "@/lib/links/dagster-links";
import type { ForeignAsset, RiskSource } from "@/lib/teams/dependency-report";
import { dependencyTotals, type FirstScreenModel } from "@/lib/teams/first-screen";
import { ListCsvButton, usePage } from "./list-pager";

type Row = ForeignAsset & { atRisk?: boolean; atRiskFrom?: RiskSource[] };

/**
 * Other teams' assets on one side of the team's edges. Cells are padded and
 * the table scrolls sideways inside its card on narrow screens, so columns
 * never run together.
 */
function ForeignTable({
  rows,
  total,
  complete,
  urls,
  testId,
  viaLabel,
  risk,
}: {
  rows: Row[];
  /** The whole list's length: `rows` may be its first page only (lib/teams/first-screen.ts). */
  total: number;
  complete: boolean;
  urls: DagsterUrls;
  testId: string;
  viaLabel: string;
  risk?: boolean;
}) {
  const { shown, pager } = usePage(rows, total, complete);
  if (rows.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  const columns = [
    "Asset",
    "Team",
    "Health",
    "Freshness",
    viaLabel,
    ...(risk ? ["Why at risk"] : []),
  ];
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full text-left text-sm [&_td]:px-2 [&_td]:align-top [&_th]:px-2 [&_th]:whitespace-nowrap"
        data-testid={testId}
      >
        <TableHead columns={columns} />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((r) => (
            <tr key={r.id} data-asset={r.id} data-at-risk={risk ? String(!!r.atRisk) : undefined}>
              <td className="py-1.5 break-words">
                <ExternalLink href={r.deployment ? assetUrl(urls, r.deployment, r.key) : null}>
                  {formatKey(r.key)}
                </ExternalLink>
                {r.isStub ? (
                  <span className="block text-xs text-slate-500">
                    (not defined in any location)
                  </span>
                ) : null}
              </td>
              <td className="py-1.5">{r.team ?? "—"}</td>
              <td className="py-1.5">
                <HealthBadge status={r.health} />
              </td>
              <td className="py-1.5">
                <HealthBadge status={r.freshness} />
              </td>
              <td className="py-1.5 text-slate-600 dark:text-slate-400">
                {r.via.map(formatKey).join(", ")}
              </td>
              {risk ? (
                <td className="py-1.5" data-testid="at-risk-reason">
                  {r.atRiskFrom?.length ? (
                    <span className="text-xs">
                      <span className="font-medium text-degraded">At risk:</span> reads{" "}
                      {r.atRiskFrom.map((s, i) => (
                        <span key={formatKey(s.key)}>
                          {i > 0 ? ", " : null}
                          {formatKey(s.key)} ({s.health.toLowerCase()})
                        </span>
                      ))}
                    </span>
                  ) : (
                    <span className="text-xs text-slate-500">Not at risk</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </div>
  );
}

const csvRow = (direction: string) => (r: ForeignAsset) => [
  direction,
  formatKey(r.key),
  r.team ?? "",
  r.location ?? "",
  r.health,
  r.freshness,
  r.via.map(formatKey).join("; "),
];

export function DependenciesPanel({ model, urls }: { model: FirstScreenModel; urls: DagsterUrls }) {
  const d = model.dependencies;
  const totals = dependencyTotals(model);
  const complete = !model.cut;
  return (
    <Panel
      title="Dependencies on other teams"
      id="dependencies"
      actions={
        <ListCsvButton
          complete={complete}
          filename={`${model.team.slug}-dependencies.csv`}
          header={["direction", "asset", "team", "location", "health", "freshness", "via"]}
          rows={() => [
            ...d.upstream.map(csvRow("upstream")),
            ...d.downstream.map(csvRow("downstream")),
          ]}
        />
      }
    >
      <div className="grid gap-3 2xl:grid-cols-2">
        <Card>
          <h3 className="mb-2 text-sm font-medium">
            Upstream: what this team reads ({totals.upstream})
          </h3>
          <ForeignTable
            rows={d.upstream}
            total={totals.upstream}
            complete={complete}
            urls={urls}
            testId="upstream-table"
            viaLabel="Read by"
          />
        </Card>
        <Card>
          <h3 className="mb-2 text-sm font-medium">
            Downstream: who reads this team ({totals.downstream}, {totals.downstreamAtRisk} at risk)
          </h3>
          <ForeignTable
            rows={d.downstream}
            total={totals.downstream}
            complete={complete}
            urls={urls}
            testId="downstream-table"
            viaLabel="Reads"
            risk
          />
        </Card>
      </div>
    </Panel>
  );
}
