import Link from "next/link";
import { teamListHref } from "@/lib/overview/overview-links";
import type { OverviewTeam } from "@/lib/overview/overview-model";
import { type TileTone, tileTone } from "@/lib/overview/team-health";
import type { AssetList } from "@/lib/teams/team-href";

const TONE: Record<TileTone, { border: string; label: string }> = {
  degraded: { border: "border-l-degraded", label: "failing" },
  warning: { border: "border-l-warning", label: "needs attention" },
  healthy: { border: "border-l-healthy", label: "healthy" },
  empty: { border: "border-l-slate-300 dark:border-l-slate-600", label: "no assets" },
};

/** The asset counts of a tile, each linked to the team page's list that holds those assets. */
const ASSET_COUNTS: { key: "degraded" | "warning" | "stale"; list: AssetList; tone: string }[] = [
  { key: "degraded", list: "degraded", tone: "text-degraded" },
  // Team pages have no warning-only list: "unhealthy" holds warnings (and degraded).
  { key: "warning", list: "unhealthy", tone: "text-warning" },
  { key: "stale", list: "stale", tone: "text-warning" },
];

/** Team tiles, worst first (the order comes from lib/overview, as sorted). */
/** `env`: the environment shown, kept on every link (none for the default). */
export function TeamTiles({ teams, env }: { teams: OverviewTeam[]; env?: string }) {
  if (teams.length === 0) {
    return <p className="text-sm text-slate-500">No teams configured.</p>;
  }
  return (
    <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {teams.map((team) => {
        const tone = tileTone(team);
        return (
          <li
            key={team.slug}
            data-testid="team-tile"
            data-team={team.slug}
            data-tone={tone}
            className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${TONE[tone].border}`}
          >
            <div className="flex items-baseline justify-between gap-2">
              <Link
                href={teamListHref(team.slug, undefined, undefined, env)}
                className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400"
              >
                {team.name}
              </Link>
              <span className="text-xs text-slate-500">{TONE[tone].label}</span>
            </div>
            <p className="mt-1 text-xs text-slate-500">
              <span data-testid="team-asset-count" className="tabular-nums">
                {team.assetCount}
              </span>{" "}
              {team.assetCount === 1 ? "asset" : "assets"} owned
            </p>
            <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
              <Count
                testId="team-failing-locations"
                value={team.failingLocations.length}
                label={team.failingLocations.length === 1 ? "location down" : "locations down"}
                href={teamListHref(team.slug, undefined, "deploys", env)}
                tone="text-degraded"
                title={team.failingLocations
                  .map((f) => `${f.deployment}/${f.location}: ${f.error ?? "failed"}`)
                  .join("\n")}
              />
              {ASSET_COUNTS.map((c) => (
                <Count
                  key={c.key}
                  testId={`team-${c.key}`}
                  value={team[c.key]}
                  label={c.key}
                  list={c.list}
                  slug={team.slug}
                  tone={c.tone}
                  env={env}
                />
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** One count: coloured and linked to the team's filtered list when non-zero, muted at zero. */
function Count(props: {
  testId: string;
  value: number;
  label: string;
  tone: string;
  list?: AssetList;
  slug?: string;
  href?: string;
  title?: string;
  env?: string;
}) {
  const href =
    props.href ??
    (props.slug ? teamListHref(props.slug, props.list, undefined, props.env) : undefined);
  const body = (
    <>
      <span data-testid={props.testId} className="font-semibold tabular-nums">
        {props.value}
      </span>{" "}
      {props.label}
    </>
  );
  return (
    <li title={props.title || undefined}>
      {props.value > 0 && href ? (
        <Link href={href} className={`${props.tone} hover:underline`}>
          {body}
        </Link>
      ) : (
        <span className="text-slate-400 dark:text-slate-500">{body}</span>
      )}
    </li>
  );
}
