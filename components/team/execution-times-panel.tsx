import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import { durationsCsvRows, mapDurations } from "@/lib/teams/chart-data";
import { useTeamCharts } from "./team-charts";

export function ExecutionTimesPanel({ model }: { model: TeamPageModel }) {
  const { DurationsChart } = useTeamCharts();
  const { data, locations } = mapDurations(model.executionTimes, model.window);
  const hasRuns = model.executionTimes.some((p) => p.runs > 0);
  return (
    <Panel
      title="Execution times"
      id="execution-times"
      actions={
        <CsvButton
          filename={`${model.team.slug}-execution-times.csv`}
          header={["bucket_utc", "location", "runs", "p50_seconds", "p95_seconds", "partial"]}
          rows={() => durationsCsvRows(model.window, model.executionTimes)}
        />
      }
    >
      <Card>
        {hasRuns ? (
          <DurationsChart data={data} locations={locations} />
        ) : (
          <p className="text-sm text-slate-500">No finished runs in this range.</p>
        )}
      </Card>
    </Panel>
  );
}
