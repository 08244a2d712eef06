import type { OverviewTeam } from "@/lib/overview/overview-model";

export function TeamTiles({ teams }: { teams: OverviewTeam[] }) {
  if (teams.length === 0) {
    return <p className="text-sm text-slate-500">No teams configured.</p>;
  }
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {teams.map((team) => (
        <li
          key={team.slug}
          data-testid="team-tile"
          data-team={team.slug}
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <p className="text-sm font-medium">{team.name}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="team-asset-count">
            {team.assetCount}
          </p>
          <p className="text-xs text-slate-500">assets owned</p>
        </li>
      ))}
    </ul>
  );
}
