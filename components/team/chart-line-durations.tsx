"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { BUCKET_NOTE, DURATION_PALETTE } from "@/lib/teams/chart-data";
import { BucketNote } from "./svg-charts";

/** p50 (solid) and p95 (dashed) run duration in minutes, one colour per code location. */
export function ChartLineDurations({
  data,
  locations,
}: {
  data: Record<string, number | string | null>[];
  locations: string[];
}) {
  return (
    <div>
      <div
        className="h-56 w-full"
        role="img"
        aria-label={`Run duration p50 and p95 over time. ${BUCKET_NOTE}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} unit="m" />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {locations.flatMap((loc, i) => [
              <Line
                key={`${loc}-p50`}
                dataKey={`${loc} p50`}
                stroke={DURATION_PALETTE[i % DURATION_PALETTE.length]}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />,
              <Line
                key={`${loc}-p95`}
                dataKey={`${loc} p95`}
                stroke={DURATION_PALETTE[i % DURATION_PALETTE.length]}
                strokeDasharray="4 3"
                dot={false}
                connectNulls
                isAnimationActive={false}
              />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <BucketNote />
    </div>
  );
}
