import { queryOptions } from "@tanstack/react-query";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import type { RangeKey } from "@/lib/teams/time-range";

/** The team API URL the team page and its embeds poll. */
export function teamApiUrl(team: string, range: RangeKey, location: string | undefined) {
  const q = new URLSearchParams({ range });
  if (location) q.set("location", location);
  return `/api/v1/teams/${encodeURIComponent(team)}?${q}`;
}

/** A team page's data as the browser polls it from Healthboard's API. */
export function teamQuery(
  team: string,
  range: RangeKey,
  location: string | undefined,
  refetchMs: number,
) {
  return queryOptions({
    queryKey: ["healthboard", "team", team, range, location ?? null],
    queryFn: async (): Promise<TeamPageModel> => {
      const res = await fetch(teamApiUrl(team, range, location));
      if (!res.ok) throw new Error(`team ${team}: HTTP ${res.status}`);
      return (await res.json()) as TeamPageModel;
    },
    refetchInterval: refetchMs,
  });
}
