"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { BUCKET_NOTE, type RunsTrendRow } from "@/lib/teams/chart-data";
import { BucketNote } from "./svg-charts";

/** null values: a bucket before Healthboard's history, drawn empty ("no data"), not as zero. */
export type RunsBarDatum = RunsTrendRow;

/** Runs succeeded and failed per bucket (stacked), with materializations beside them. */
export function ChartBarRuns({ data }: { data: RunsBarDatum[] }) {
  return (
    <div>
      <div
        className="h-56 w-full"
        role="img"
        aria-label={`Runs and materializations over time. ${BUCKET_NOTE}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="succeeded"
              name="Runs succeeded"
              stackId="runs"
              fill="var(--color-healthy)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="failed"
              name="Runs failed"
              stackId="runs"
              fill="var(--color-degraded)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="materializations"
              name="Materializations"
              fill="var(--color-unknown)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <BucketNote />
    </div>
  );
}
