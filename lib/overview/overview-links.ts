import { withEnv } from "@/lib/environments/env-href";
import { type AssetList, teamHref } from "@/lib/teams/team-href";
import { DEFAULT_RANGE } from "@/lib/teams/time-range";

// Where the overview sends people: an asset in context on the lineage page
// (focused and selected, so its details and root cause open), and a team's
// page, filtered to the list a count stands for. Browser-safe.

export function lineageFocusHref(assetId: string, env?: string): string {
  const q = new URLSearchParams({ focus: assetId, selected: assetId });
  return withEnv(`/lineage?${q.toString()}`, env);
}

export function teamListHref(slug: string, list?: AssetList, hash?: string, env?: string): string {
  return teamHref(slug, { range: DEFAULT_RANGE, list, env }, hash);
}
