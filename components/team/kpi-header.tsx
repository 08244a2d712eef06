import Link from "next/link";
import { Panel } from "@/components/panel/panel";
import { formatPct } from "@/lib/format";
import type { Kpis, TeamPageModel } from "@/lib/teams/build-team-page";
import { countedSince } from "@/lib/teams/chart-data";
import { type AssetList, teamHref } from "@/lib/teams/team-href";

interface KpiSpec {
  id: keyof Kpis;
  label: string;
  format: (v: number | null) => string;
  /** Which direction is good, for colouring the change. */
  goodWhen: "up" | "down" | "none";
  list?: AssetList;
}

const KPIS: KpiSpec[] = [
  {
    id: "owned",
    label: "Assets owned",
    format: (v) => String(v ?? "—"),
    goodWhen: "none",
    list: "all",
  },
  { id: "healthyPct", label: "Healthy", format: formatPct, goodWhen: "up", list: "healthy" },
  { id: "stale", label: "Stale", format: (v) => String(v ?? "—"), goodWhen: "down", list: "stale" },
  {
    id: "degraded",
    label: "Degraded",
    format: (v) => String(v ?? "—"),
    goodWhen: "down",
    list: "degraded",
  },
  { id: "failures", label: "Failed runs", format: (v) => String(v ?? "—"), goodWhen: "down" },
  { id: "deploySuccessRate", label: "Deploy success", format: formatPct, goodWhen: "up" },
];

function delta(
  spec: KpiSpec,
  now: number | null,
  before: number | null,
): { text: string; tone: string } {
  if (now === null || before === null) return { text: "previous: no data", tone: "text-slate-400" };
  const diff = now - before;
  if (diff === 0) return { text: "no change", tone: "text-slate-500" };
  const pct = spec.id === "healthyPct" || spec.id === "deploySuccessRate";
  const text = `${diff > 0 ? "▲" : "▼"} ${pct ? `${Math.abs(diff * 100).toFixed(1)} pts` : Math.abs(diff)}`;
  const good = spec.goodWhen === "none" ? null : diff > 0 === (spec.goodWhen === "up");
  return {
    text: `${text} vs previous`,
    tone: good === null ? "text-slate-500" : good ? "text-healthy" : "text-degraded",
  };
}

export function KpiHeader({
  model,
  location,
  env,
}: {
  model: TeamPageModel;
  location?: string;
  /** The environment shown unless it is the default: kept on the links. */
  env?: string;
}) {
  const view = { range: model.window.range, location, env };
  return (
    <Panel title="Key figures" id="kpis">
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Key figures">
        {KPIS.map((spec) => {
          const value = model.kpis[spec.id];
          // Runs held for less than the window: the count is of that time, said instead of a change.
          const since =
            spec.id === "failures" ? countedSince(model.window, model.window.runsFrom) : null;
          const d = since
            ? { text: since, tone: "text-slate-500" }
            : delta(spec, value, model.previous[spec.id]);
          const body = (
            <>
              <span className="block text-xs text-slate-500">{spec.label}</span>
              <span
                className="mt-1 block text-2xl font-semibold tabular-nums"
                data-testid={`kpi-${spec.id}`}
              >
                {spec.format(value)}
              </span>
              <span className={`block text-xs ${d.tone}`}>{d.text}</span>
            </>
          );
          const href = spec.list
            ? teamHref(model.team.slug, { ...view, list: spec.list }, "assets")
            : spec.id === "failures"
              ? teamHref(model.team.slug, view, "failures")
              : teamHref(model.team.slug, view, "deploys");
          return (
            <li key={spec.id}>
              {/* No prefetch: the link stays on this page's own route, and inside an
                embed a prefetch would pull in the whole site's JavaScript. */}
              <Link
                prefetch={false}
                href={href}
                className="block h-full min-w-0 break-words rounded-lg border border-slate-200 bg-white p-3 hover:border-slate-400 focus-visible:outline-2 dark:border-slate-800 dark:bg-slate-900"
              >
                {body}
              </Link>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
