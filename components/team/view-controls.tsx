import Link from "next/link";
import { type AssetList, teamHref } from "@/lib/teams/team-href";
import { RANGES, type RangeKey } from "@/lib/teams/time-range";

/** Range and location filters as links: the URL holds the view, so it can be shared. */
export function ViewControls({
  team,
  range,
  location,
  locations,
  list,
  env,
}: {
  team: string;
  range: RangeKey;
  location?: string;
  locations: string[];
  list: AssetList;
  /** The environment shown unless it is the default: kept on the links. */
  env?: string;
}) {
  const pill = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm ring-1 ring-slate-300 dark:ring-slate-700 ${active ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`;
  return (
    <div className="flex flex-wrap items-center gap-4">
      <nav aria-label="Time range" className="flex flex-wrap gap-1">
        {RANGES.map((r) => (
          <Link
            key={r}
            href={teamHref(team, { range: r, location, list, env })}
            aria-current={r === range ? "page" : undefined}
            className={pill(r === range)}
          >
            {r}
          </Link>
        ))}
      </nav>
      {locations.length > 1 ? (
        <nav aria-label="Code location" className="flex flex-wrap gap-1">
          <Link
            href={teamHref(team, { range, list, env })}
            aria-current={!location ? "page" : undefined}
            className={pill(!location)}
          >
            all locations
          </Link>
          {locations.map((l) => (
            <Link
              key={l}
              href={teamHref(team, { range, location: l, list, env })}
              aria-current={l === location ? "page" : undefined}
              className={pill(l === location)}
            >
              {l}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
