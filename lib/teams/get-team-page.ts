import "server-only";
import { deployStore, getSnapshot, kpiStore } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { buildTeamPage, type TeamPageModel } from "./build-team-page";
import { RANGE_MS, type RangeKey } from "./time-range";

/** The team page's data, or null for a team the config does not know. */
export async function getTeamPage(
  slug: string,
  range: RangeKey,
  location?: string,
): Promise<TeamPageModel | null> {
  const config = loadConfig();
  const team = config.teams.find((t) => t.slug === slug);
  if (!team) return null;
  const snapshot = await getSnapshot();
  const now = Date.now();
  const span = RANGE_MS[range];
  return buildTeamPage({
    snapshot,
    team,
    range,
    location,
    now,
    deployEvents: deployStore().list({ since: now - 2 * span - 86_400_000 }),
    previousSample: kpiStore().nearest(slug, now - span, Math.max(3_600_000, span / 4)),
    runsWindowMs: config.refresh.runsWindowDays * 86_400_000,
  });
}

export function teamExists(slug: string): boolean {
  return loadConfig().teams.some((t) => t.slug === slug);
}
