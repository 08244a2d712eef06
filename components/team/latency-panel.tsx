import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { type Column, TableHead } from "@/components/panel/table-head";
import { formatDuration, formatKey } from "@/lib/format";
import type { LatencyChain } from "@/lib/performance/latency-report";
import type { TeamPageModel } from "@/lib/teams/build-team-page";

const HOP_COLUMNS: Column[] = [
  "Hop",
  { label: "Samples", align: "right" },
  { label: "p50", align: "right" },
  { label: "p95", align: "right" },
];

/** Milliseconds as CSV seconds; blank without samples. */
const csvSeconds = (ms: number | null) => (ms === null ? "" : ms / 1000);

/** The chain name "a → b → c". */
export const chainName = (c: LatencyChain) => c.assets.map((a) => formatKey(a.key)).join(" → ");

/** One chain: end to end, then each hop with the slowest one marked. */
export function LatencyChainCard({ chain }: { chain: LatencyChain }) {
  const slowest = chain.slowestHop === null ? null : chain.hops[chain.slowestHop];
  const nameOf = (id: string) => formatKey(chain.assets.find((a) => a.id === id)?.key ?? [id]);
  return (
    <Card>
      <div data-testid="latency-chain" data-chain={chainName(chain)}>
        <h3 className="font-medium">{chainName(chain)}</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          End to end: p50{" "}
          <span className="tabular-nums" data-testid="latency-e2e-p50">
            {formatDuration(chain.endToEnd.p50Ms)}
          </span>
          , p95 <span className="tabular-nums">{formatDuration(chain.endToEnd.p95Ms)}</span> over{" "}
          {chain.endToEnd.samples} traced change{chain.endToEnd.samples === 1 ? "" : "s"}
          {slowest ? (
            <>
              {" "}
              · slowest hop: <strong>{`${nameOf(slowest.from)} → ${nameOf(slowest.to)}`}</strong>
            </>
          ) : null}
        </p>
        <table className="mt-2 w-full text-sm">
          <TableHead columns={HOP_COLUMNS} />
          <tbody className="tabular-nums">
            {chain.hops.map((h, i) => (
              <tr
                key={`${h.from}/${h.to}`}
                data-testid="latency-hop"
                data-from={nameOf(h.from)}
                data-to={nameOf(h.to)}
                data-p50-ms={h.p50Ms ?? ""}
                className={`border-t border-slate-100 dark:border-slate-800 ${i === chain.slowestHop ? "font-semibold" : ""}`}
              >
                <td className="py-1">
                  {nameOf(h.from)} → {nameOf(h.to)}
                  {h.crossLocation ? (
                    <span className="text-xs text-slate-500"> (crosses location)</span>
                  ) : null}
                </td>
                <td className="text-right">{h.samples}</td>
                <td className="text-right">{formatDuration(h.p50Ms)}</td>
                <td className="text-right">{formatDuration(h.p95Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** Cross-location chains the team is part of, with per-hop and end-to-end latency. */
export function LatencyPanel({ model }: { model: TeamPageModel }) {
  const { latency } = model.performance;
  return (
    <Panel
      title="Pipeline latency"
      id="latency"
      actions={
        <CsvButton
          filename={`${model.team.slug}-latency.csv`}
          header={["chain", "from", "to", "samples", "p50_seconds", "p95_seconds", "source"]}
          rows={() =>
            latency.chains.flatMap((c) => [
              ...c.hops.map((h) => [
                chainName(c),
                h.from,
                h.to,
                h.samples,
                csvSeconds(h.p50Ms),
                csvSeconds(h.p95Ms),
                latency.source,
              ]),
              [
                chainName(c),
                "(end to end)",
                "",
                c.endToEnd.samples,
                csvSeconds(c.endToEnd.p50Ms),
                csvSeconds(c.endToEnd.p95Ms),
                latency.source,
              ],
            ])
          }
        />
      }
    >
      <div className="space-y-3">
        {latency.chains.length === 0 ? (
          <Card>
            <p className="text-sm text-slate-500">
              No measured chain across code locations includes this team&apos;s assets. Hops are
              measured when runs record data versions (Dagster does for materializations that read
              their inputs through its I/O).
            </p>
          </Card>
        ) : (
          latency.chains.map((c) => (
            <LatencyChainCard key={`${c.deployment}/${chainName(c)}`} chain={c} />
          ))
        )}
        <p className="text-xs text-slate-500">
          Source: {latency.source}
          {latency.truncated ? "; more chains exist than are listed" : ""}.
        </p>
      </div>
    </Panel>
  );
}
