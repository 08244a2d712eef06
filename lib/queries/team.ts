import { queryOptions } from "@tanstack/react-query";
import type { TeamPageModel } from "@/lib/teams/build-team-page";
import type { RangeKey } from "@/lib/teams/time-range";

/** The team API URL the team page and its embeds poll; `env` unset for the default environment. */
export function teamApiUrl(
  team: string,
  range: RangeKey,
  location: string | undefined,
  env?: string,
) {
  const q = new URLSearchParams({ range });
  if (location) q.set("location", location);
  if (env) q.set("env", env);
  return `/api/v1/teams/${encodeURIComponent(team)}?${q}`;
}

/** A team page's data as the browser polls it from Healthboard's API. */
export function teamQuery(
  team: string,
  range: RangeKey,
  location: string | undefined,
  refetchMs: number,
  env?: string,
) {
  return queryOptions({
    queryKey: ["healthboard", "team", team, range, location ?? null, env ?? null],
    queryFn: async (): Promise<TeamPageModel> => {
      const res = await fetch(teamApiUrl(team, range, location, env));
      if (!res.ok) throw new Error(`team ${team}: HTTP ${res.status}`);
      return (await res.json()) as TeamPageModel;
    },
    refetchInterval: refetchMs,
  });
}
