import type { ReactNode } from "react";
import { BUCKET_NOTE, DURATION_PALETTE } from "@/lib/teams/chart-data";
import type { RunsBarDatum } from "./chart-bar-runs";

// Static SVG versions of the team charts, for embeds: the same data and
// colours as the recharts charts of the team page, without their ~130 KB of
// JavaScript (an embed must stay under 150 KB gzipped). No tooltips.

const W = 600;
const H = 200;
const PAD = { top: 8, right: 8, bottom: 22, left: 34 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function Frame({
  labels,
  max,
  unit = "",
  legend,
  label,
  children,
}: {
  labels: string[];
  max: number;
  unit?: string;
  legend: { name: string; color: string; dashed?: boolean }[];
  label: string;
  children: ReactNode;
}) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
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
                {Number.isInteger(t) ? t : t.toFixed(1)}
                {unit}
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
            <svg width="14" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="14"
                y1="4"
                y2="4"
                stroke={l.color}
                strokeWidth={l.dashed ? 2 : 6}
                strokeDasharray={l.dashed ? "4 3" : undefined}
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
  const max = niceMax(
    Math.max(
      0,
      ...data.map((d) => Math.max((d.succeeded ?? 0) + (d.failed ?? 0), d.materializations ?? 0)),
    ),
  );
  const slot = PLOT_W / Math.max(1, data.length);
  const bar = Math.max(1, slot * 0.38);
  const h = (v: number | null) => ((v ?? 0) / max) * PLOT_H;
  const base = PAD.top + PLOT_H;
  return (
    <Frame
      labels={data.map((d) => d.label)}
      max={max}
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

/** p50 (solid) and p95 (dashed) run duration in minutes, one colour per code location. */
export function SvgLineDurations({
  data,
  locations,
}: {
  data: Record<string, number | string | null>[];
  locations: string[];
}) {
  const series = locations.flatMap((loc, i) => {
    const color = DURATION_PALETTE[i % DURATION_PALETTE.length] as string;
    return [
      { key: `${loc} p50`, color, dashed: false },
      { key: `${loc} p95`, color, dashed: true },
    ];
  });
  const values = data
    .flatMap((row) => series.map((s) => row[s.key]))
    .filter((v) => typeof v === "number");
  const max = niceMax(Math.max(0, ...(values as number[])));
  const x = (i: number) => PAD.left + ((i + 0.5) * PLOT_W) / Math.max(1, data.length);
  const y = (v: number) => PAD.top + PLOT_H - (v / max) * PLOT_H;
  return (
    <Frame
      labels={data.map((d) => String(d.label))}
      max={max}
      unit="m"
      label="Run duration p50 and p95 over time"
      legend={series.map((s) => ({ name: s.key, color: s.color, dashed: s.dashed }))}
    >
      {series.map((s) => {
        // Like the team page's chart: lines connect across buckets without runs.
        const points = data.flatMap((row, i) => {
          const v = row[s.key];
          return typeof v === "number" ? [`${x(i).toFixed(1)},${y(v).toFixed(1)}`] : [];
        });
        return (
          <polyline
            key={s.key}
            points={points.join(" ")}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed ? "4 3" : undefined}
          />
        );
      })}
    </Frame>
  );
}
