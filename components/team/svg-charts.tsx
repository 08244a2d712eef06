import type { ReactNode } from "react";
import {
  BUCKET_NOTE,
  durationAxis,
  durationSeries,
  maxOf,
  niceTicks,
} from "@/lib/teams/chart-data";
import type { RunsBarDatum } from "./chart-bar-runs";

// Static SVG versions of the team charts, for embeds: the same data and
// colours as the recharts charts of the team page, without their ~130 KB of
// JavaScript (an embed must stay under 150 KB gzipped). No tooltips.

const W = 600;
const H = 200;
const PAD = { top: 8, right: 8, bottom: 22, left: 46 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

function Frame({
  labels,
  ticks,
  format = String,
  legend,
  label,
  children,
}: {
  labels: string[];
  /** Y axis ticks from 0; the last one is the top of the plot. */
  ticks: number[];
  format?: (tick: number) => string;
  /** `dashed` set (true or false): a line series, drawn thin; unset: a bar, drawn as a block. */
  legend: { name: string; color: string; dashed?: boolean }[];
  label: string;
  children: ReactNode;
}) {
  const max = ticks[ticks.length - 1] ?? 1;
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const x = (i: number) => PAD.left + ((i + 0.5) * PLOT_W) / Math.max(1, labels.length);
  return (
    <figure className="w-full" role="img" aria-label={`${label}. ${BUCKET_NOTE}`}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full text-slate-500" aria-hidden="true">
        {ticks.map((t) => {
          const y = PAD.top + PLOT_H - (t / max) * PLOT_H;
          return (
            <g key={t}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y}
                y2={y}
                stroke="currentColor"
                strokeOpacity={0.25}
                strokeDasharray="3 3"
              />
              <text x={PAD.left - 4} y={y + 3} fontSize={10} textAnchor="end" fill="currentColor">
                {format(t)}
              </text>
            </g>
          );
        })}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={H - 6} fontSize={10} textAnchor="middle" fill="currentColor">
              {l}
            </text>
          ) : null,
        )}
        {children}
      </svg>
      <figcaption className="mt-1 flex flex-wrap justify-center gap-3 text-xs">
        {legend.map((l) => (
          <span key={l.name} className="inline-flex items-center gap-1">
            <svg width="18" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="18"
                y1="4"
                y2="4"
                stroke={l.color}
                strokeWidth={l.dashed === undefined ? 6 : 2}
                strokeDasharray={l.dashed ? "5 4" : undefined}
              />
            </svg>
            {l.name}
          </span>
        ))}
      </figcaption>
      <BucketNote />
    </figure>
  );
}

/** The buckets' time zone and partial-bucket mark, under every trend chart. */
export function BucketNote() {
  return <p className="mt-1 text-center text-[11px] text-slate-500">{BUCKET_NOTE}</p>;
}

/** Runs succeeded and failed per bucket (stacked), with materializations beside them. */
export function SvgBarRuns({ data }: { data: RunsBarDatum[] }) {
  const ticks = niceTicks(
    Math.max(
      0,
      ...data.map((d) => Math.max((d.succeeded ?? 0) + (d.failed ?? 0), d.materializations ?? 0)),
    ),
  ).filter(Number.isInteger);
  const max = ticks[ticks.length - 1] ?? 1;
  const slot = PLOT_W / Math.max(1, data.length);
  const bar = Math.max(1, slot * 0.38);
  const h = (v: number | null) => ((v ?? 0) / max) * PLOT_H;
  const base = PAD.top + PLOT_H;
  return (
    <Frame
      labels={data.map((d) => d.label)}
      ticks={ticks}
      label="Runs and materializations over time"
      legend={[
        { name: "Runs succeeded", color: "var(--color-healthy)" },
        { name: "Runs failed", color: "var(--color-degraded)" },
        { name: "Materializations", color: "var(--color-unknown)" },
      ]}
    >
      {data.map((d, i) => {
        const x0 = PAD.left + i * slot + slot * 0.1;
        return (
          <g key={d.label}>
            <title>
              {d.succeeded === null
                ? `${d.label}: no data (before Healthboard's history)`
                : `${d.label}: ${d.succeeded} runs succeeded, ${d.failed} failed, ${d.materializations} materializations`}
            </title>
            <rect
              x={x0}
              y={base - h(d.succeeded)}
              width={bar}
              height={h(d.succeeded)}
              fill="var(--color-healthy)"
            />
            <rect
              x={x0}
              y={base - h(d.succeeded) - h(d.failed)}
              width={bar}
              height={h(d.failed)}
              fill="var(--color-degraded)"
            />
            <rect
              x={x0 + bar + 1}
              y={base - h(d.materializations)}
              width={bar}
              height={h(d.materializations)}
              fill="var(--color-unknown)"
            />
          </g>
        );
      })}
    </Frame>
  );
}

/** p50 (solid, dark) and p95 (dashed, light) run duration, one hue per code location; a dot on every point. */
export function SvgLineDurations({
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
  const max = axis.ticks[axis.ticks.length - 1] ?? 1;
  const x = (i: number) => PAD.left + ((i + 0.5) * PLOT_W) / Math.max(1, data.length);
  const y = (v: number) => PAD.top + PLOT_H - (v / max) * PLOT_H;
  return (
    <Frame
      labels={data.map((d) => String(d.label))}
      ticks={axis.ticks}
      format={axis.format}
      label={`Run duration p50 (median) and p95 over time, in ${axis.unit}`}
      legend={series}
    >
      {series.map((s) => {
        // Like the team page's chart: lines connect across buckets without runs.
        const points = data.flatMap((row, i) => {
          const v = row[s.key];
          return typeof v === "number" ? [{ x: x(i), y: y(v) }] : [];
        });
        return (
          <g key={s.key} data-series={s.key}>
            <polyline
              points={points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
            />
            {points.map((p) => (
              // p95 a ring around p50's filled dot: both stay visible when equal.
              <circle
                key={p.x}
                cx={p.x}
                cy={p.y}
                r={s.dashed ? 4.5 : 3}
                fill={s.dashed ? "none" : s.color}
                stroke={s.dashed ? s.color : undefined}
                strokeWidth={s.dashed ? 1.5 : undefined}
              />
            ))}
          </g>
        );
      })}
    </Frame>
  );
}
