import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { type Column, TableHead } from "@/components/panel/table-head";
import { formatDay, formatDuration } from "@/lib/format";
import { COMPUTE_SOURCE, INSIGHTS_SOURCE } from "@/lib/performance/compute-report";
import type { TeamPageModel } from "@/lib/teams/build-team-page";

const columns = (credits: boolean): Column[] => [
  "Location",
  { label: "Step time", align: "right" },
  ...(credits ? [{ label: "Credits", align: "right" } as Column] : []),
  { label: "Steps", align: "right" },
  { label: "Runs", align: "right" },
  { label: "Queue p50", align: "right" },
  { label: "Queue p95", align: "right" },
  { label: "Running now", align: "right" },
  { label: "Queued now", align: "right" },
  "Source",
];

const fmtSeconds = (s: number) => formatDuration(s * 1000);
const fmtCredits = (c: number | null) => (c === null ? "—" : c.toFixed(c < 10 ? 2 : 0));

/** Compute of the team's runs: step time per location, concurrency over time, queue time, longest steps. */
export function ComputePanel({ model }: { model: TeamPageModel }) {
  const { compute } = model.performance;
  const hourly = model.window.bucketMs < 86_400_000;
  // Credits exist only where Dagster+ Insights give them: no column otherwise.
  const credits = compute.totalCredits !== null;
  const peak = Math.max(0.0001, ...compute.concurrency.map((c) => c.inProgress + c.queued));
  return (
    <Panel
      title="Compute"
      id="compute"
      actions={
        <CsvButton
          filename={`${model.team.slug}-compute.csv`}
          header={["bucket_utc", "location", "step_seconds", "credits", "source"]}
          rows={() =>
            compute.buckets.map((b) => [
              new Date(b.bucket).toISOString(),
              b.location,
              b.stepSeconds,
              b.credits ?? "",
              b.source,
            ])
          }
        />
      }
    >
      <Card className="space-y-4">
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums" data-testid="compute-total">
            {fmtSeconds(compute.totalStepSeconds)}
          </span>{" "}
          of step execution time in this range
          {credits ? (
            <>
              {", "}
              <span className="font-semibold tabular-nums" data-testid="compute-credits">
                {fmtCredits(compute.totalCredits)}
              </span>{" "}
              Dagster+ credits
            </>
          ) : null}
          .
        </p>
        <table className="w-full text-sm" data-testid="compute-locations">
          <TableHead columns={columns(credits)} />
          <tbody className="tabular-nums">
            {compute.locations.map((l) => (
              <tr
                key={`${l.deployment}/${l.location}`}
                data-location={l.location}
                data-step-seconds={l.stepSeconds}
                data-source={l.source}
                className="border-t border-slate-100 dark:border-slate-800"
              >
                <td className="py-1">{l.location}</td>
                <td
                  className="text-right"
                  title={
                    l.locationSeconds === null
                      ? undefined
                      : `The team's assets here; the whole location's jobs: ${fmtSeconds(l.locationSeconds)}${l.locationCredits === null ? "" : `, ${fmtCredits(l.locationCredits)} credits`}`
                  }
                >
                  {fmtSeconds(l.stepSeconds)}
                </td>
                {credits ? <td className="text-right">{fmtCredits(l.credits)}</td> : null}
                <td className="text-right">{l.steps}</td>
                <td className="text-right">{l.runs}</td>
                <td className="text-right">{formatDuration(l.queueP50Ms)}</td>
                <td className="text-right">{formatDuration(l.queueP95Ms)}</td>
                <td className="text-right">{l.inProgress}</td>
                <td className="text-right">{l.queued}</td>
                <td className="pl-2 text-xs text-slate-500" title={l.source}>
                  {l.source === INSIGHTS_SOURCE ? "Dagster+ Insights" : "runs read by Healthboard"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {compute.locations.length === 0 ? (
          <p className="text-sm text-slate-500">No runs in this range.</p>
        ) : null}
        <div>
          <h3 className="text-xs text-slate-500">
            Runs in progress (dark) and queued (light), average per {hourly ? "hour" : "day"} (UTC)
          </h3>
          <div className="mt-1 flex h-16 items-end gap-px" aria-hidden="true">
            {compute.concurrency.map((c) => (
              <div
                key={c.bucket}
                className="flex flex-1 flex-col justify-end"
                title={`${formatDay(c.bucket, hourly)}: ${c.inProgress.toFixed(2)} running, ${c.queued.toFixed(2)} queued`}
              >
                <div className="bg-slate-300" style={{ height: `${(c.queued / peak) * 100}%` }} />
                <div
                  className="bg-slate-600"
                  style={{ height: `${(c.inProgress / peak) * 100}%` }}
                />
              </div>
            ))}
          </div>
        </div>
        <div>
          <h3 className="text-xs text-slate-500">Longest steps</h3>
          <ol className="mt-1 space-y-0.5 text-sm" data-testid="longest-steps">
            {compute.longestSteps.map((s) => (
              <li key={`${s.runId}/${s.stepKey}`} className="flex justify-between gap-2">
                <span className="truncate">
                  <code>{s.stepKey}</code>{" "}
                  <span className="text-slate-500">
                    {s.location} · {s.job} · run {s.runId.slice(0, 8)}
                  </span>
                </span>
                <span className="tabular-nums">{formatDuration(s.durationMs)}</span>
              </li>
            ))}
          </ol>
        </div>
        <p className="text-xs text-slate-500">
          Source of step time{credits ? " and credits" : ""}: {compute.source}. Runs, queue time,
          concurrency and longest steps: {COMPUTE_SOURCE}.
          {compute.insightsNote ? ` ${compute.insightsNote}` : ""}
        </p>
      </Card>
    </Panel>
  );
}
