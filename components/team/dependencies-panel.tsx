import { ExternalLink } from "@/components/external-link";
import { HealthBadge } from "@/components/health-badge";
import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { TableHead } from "@/components/panel/table-head";
import { formatKey } from "@/lib/format";
import { assetUrl, type DagsterUrls } from "@/lib/links/dagster-links";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import type { ForeignAsset } from "@/lib/teams/dependency-report";

function ForeignTable({
  rows,
  urls,
  testId,
  viaLabel,
  risk,
}: {
  rows: (ForeignAsset & { atRisk?: boolean })[];
  urls: DagsterUrls;
  testId: string;
  viaLabel: string;
  risk?: boolean;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid={testId}>
      <TableHead columns={["Asset", "Team", "Health", "Freshness", viaLabel]} />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((r) => (
          <tr key={r.id} data-asset={r.id}>
            <td className="py-1.5">
              <ExternalLink href={r.deployment ? assetUrl(urls, r.deployment, r.key) : null}>
                {formatKey(r.key)}
              </ExternalLink>
              {r.isStub ? (
                <span className="ml-1 text-xs text-slate-500">(not defined in any location)</span>
              ) : null}
              {risk && r.atRisk ? (
                <span className="ml-1 text-xs font-medium text-degraded">at risk</span>
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
          </tr>
        ))}
      </tbody>
    </table>
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
      <div className="grid gap-3 lg:grid-cols-2">
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
