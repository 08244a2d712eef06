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
import { formatDuration } from "@/lib/format";
import { BUCKET_NOTE, durationAxis, durationSeries, maxOf } from "@/lib/teams/chart-data";
import { BucketNote } from "./svg-charts";

/**
 * p50 (solid, dark) and p95 (dashed, light) run duration, one hue per code
 * location. Every point gets a dot: a bucket with runs between empty ones (a
 * 24h view with one run) would otherwise draw nothing.
 */
export function ChartLineDurations({
  data,
  locations,
}: {
  data: Record<string, number | string | null>[];
  locations: string[];
}) {
  const series = durationSeries(locations);
  const axis = durationAxis(
    maxOf(
      data,
      series.map((s) => s.key),
    ),
  );
  return (
    <div>
      <div
        className="h-56 w-full"
        role="img"
        aria-label={`Run duration p50 (median) and p95 over time, in ${axis.unit}. ${BUCKET_NOTE}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis
              tick={{ fontSize: 11 }}
              ticks={axis.ticks}
              domain={[0, axis.ticks[axis.ticks.length - 1] ?? 1]}
              tickFormatter={axis.format}
              width={52}
            />
            <Tooltip formatter={(v) => (typeof v === "number" ? formatDuration(v * 1000) : v)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? "5 4" : undefined}
                legendType="plainline"
                // p95 a ring around p50's filled dot: both stay visible when equal.
                dot={
                  s.dashed
                    ? { r: 4.5, fill: "none", stroke: s.color, strokeWidth: 1.5 }
                    : { r: 3, fill: s.color, strokeWidth: 0 }
                }
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <BucketNote />
    </div>
  );
}
