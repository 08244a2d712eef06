import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { type Column, TableHead } from "@/components/panel/table-head";
import { formatKey } from "@/lib/format";
import { formatBytes } from "@/lib/performance/format-bytes";
import type { QuotaForecast } from "@/lib/performance/storage-report";
import type { TeamPageModel } from "@/lib/teams/build-team-page";

const GROWTH_COLUMNS: Column[] = [
  "Asset",
  "Location",
  { label: "Size", align: "right" },
  { label: "Rows", align: "right" },
  { label: "Growth / day", align: "right" },
];

function forecastText(q: QuotaForecast): string {
  const f = q.forecast;
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  switch (f.kind) {
    case "reached":
      return "quota reached";
    case "reaches":
      return `full around ${day(f.at)} at the current rate`;
    case "never":
      return "not growing";
    default:
      return "not enough history to forecast";
  }
}

/** The team's storage from materialization metadata: per location, fastest-growing assets, quotas. */
export function StoragePanel({ model }: { model: TeamPageModel }) {
  const { storage } = model.performance;
  return (
    <Panel
      title="Storage"
      id="storage"
      actions={
        <CsvButton
          filename={`${model.team.slug}-storage.csv`}
          header={["read_at_utc", "location", "bytes", "rows", "source"]}
          rows={() =>
            storage.trend.map((p) => [
              new Date(p.at).toISOString(),
              p.location,
              p.bytes,
              p.rows,
              storage.source,
            ])
          }
        />
      }
    >
      <Card className="space-y-4">
        {storage.quotas.map((q) => (
          <div key={q.name} data-testid="storage-quota" data-quota={q.name}>
            <div className="flex justify-between text-sm">
              <span className="font-medium">{q.name}</span>
              <span className="tabular-nums">
                {formatBytes(q.usedBytes)} of {formatBytes(q.quotaBytes)} · {forecastText(q)}
              </span>
            </div>
            <div className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800">
              <div
                className={`h-2 rounded ${q.usedBytes >= q.quotaBytes ? "bg-degraded" : "bg-slate-600"}`}
                style={{ width: `${Math.min(100, (q.usedBytes / q.quotaBytes) * 100)}%` }}
              />
            </div>
          </div>
        ))}
        <ul className="grid gap-2 text-sm sm:grid-cols-2" data-testid="storage-locations">
          {storage.locations.map((l) => (
            <li
              key={`${l.deployment}/${l.location}`}
              data-location={l.location}
              data-bytes={l.bytes}
            >
              <span className="font-medium">{l.location}</span>:{" "}
              <span className="tabular-nums">{formatBytes(l.bytes)}</span>
              <span className="text-slate-500"> in {l.assets} measured assets</span>
            </li>
          ))}
        </ul>
        {storage.measuredAssets === 0 ? (
          <p className="text-sm text-slate-500">
            No materialization in the history recorded a row count or a configured size key.
          </p>
        ) : (
          <table className="w-full text-sm" data-testid="storage-fastest">
            <caption className="text-left text-xs text-slate-500">Fastest-growing assets</caption>
            <TableHead columns={GROWTH_COLUMNS} />
            <tbody className="tabular-nums">
              {storage.fastestGrowing.map((a) => (
                <tr
                  key={`${a.deployment}/${a.id}`}
                  data-asset={formatKey(a.key)}
                  data-bytes={a.bytes ?? ""}
                  className="border-t border-slate-100 dark:border-slate-800"
                >
                  <td className="py-1">{formatKey(a.key)}</td>
                  <td>{a.location}</td>
                  <td className="text-right">{formatBytes(a.bytes)}</td>
                  <td className="text-right">{a.rows ?? "—"}</td>
                  <td className="text-right">{formatBytes(a.growthBytesPerDay)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="text-xs text-slate-500">Source: {storage.source}.</p>
      </Card>
    </Panel>
  );
}
