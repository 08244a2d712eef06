import { ExternalLink } from "@/components/external-link";
import { HealthBadge } from "@/components/health-badge";
import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { TableHead } from "@/components/panel/table-head";
import { formatKey } from "@/lib/format";
import { assetUrl, type DagsterUrls } from "@/lib/links/dagster-links";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import type { ForeignAsset, RiskSource } from "@/lib/teams/dependency-report";

type Row = ForeignAsset & { atRisk?: boolean; atRiskFrom?: RiskSource[] };

/**
 * Other teams' assets on one side of the team's edges. Cells are padded and
 * the table scrolls sideways inside its card on narrow screens, so columns
 * never run together.
 */
function ForeignTable({
  rows,
  urls,
  testId,
  viaLabel,
  risk,
}: {
  rows: Row[];
  urls: DagsterUrls;
  testId: string;
  viaLabel: string;
  risk?: boolean;
}) {
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
          {rows.map((r) => (
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

export function DependenciesPanel({ model, urls }: { model: TeamPageModel; urls: DagsterUrls }) {
  const d = model.dependencies;
  return (
    <Panel
      title="Dependencies on other teams"
      id="dependencies"
      actions={
        <CsvButton
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
            Upstream: what this team reads ({d.upstream.length})
          </h3>
          <ForeignTable rows={d.upstream} urls={urls} testId="upstream-table" viaLabel="Read by" />
        </Card>
        <Card>
          <h3 className="mb-2 text-sm font-medium">
            Downstream: who reads this team ({d.downstream.length},{" "}
            {d.downstream.filter((r) => r.atRisk).length} at risk)
          </h3>
          <ForeignTable
            rows={d.downstream}
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
