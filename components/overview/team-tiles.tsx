import Link from "next/link";
import type { OverviewTeam } from "@/lib/overview/overview-model";

export function TeamTiles({ teams }: { teams: OverviewTeam[] }) {
  if (teams.length === 0) {
    return <p className="text-sm text-slate-500">No teams configured.</p>;
  }
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {teams.map((team) => (
        <li key={team.slug} data-testid="team-tile" data-team={team.slug}>
          <Link
            href={`/teams/${encodeURIComponent(team.slug)}`}
            className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400 dark:border-slate-800 dark:bg-slate-900"
          >
            <span className="block text-sm font-medium">{team.name}</span>
            <span
              className="mt-1 block text-2xl font-semibold tabular-nums"
              data-testid="team-asset-count"
            >
              {team.assetCount}
            </span>
            <span className="block text-xs text-slate-500">assets owned</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
