import "server-only";
import { LruCache } from "@/lib/cache/lru-cache";
import { deployStore, getSnapshot, kpiStore } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { currentInsights, insightsStamp } from "@/lib/performance/insights-collector";
import { buildTeamPage, type TeamPageModel } from "./build-team-page";
import { RANGE_MS, type RangeKey } from "./time-range";
import { viewWarmer } from "./view-warmer";

// A team page's window ends at "now", so its model used to be rebuilt (and
// re-encoded) on every request: with 200 viewers and 20 embeds each, that was
// most of the server's CPU. "Now" is taken in steps of the asset refresh
// interval (at most a minute) instead, and one model per team, view, snapshot
// generation and step is shared by every request. Data is at most one step
// older than before; the collector refreshes no faster anyway.
const MAX_STEP_MS = 60_000;
// One model per view (team, range, location), replaced when its generation or
// step moves on. Keyed by the step too, the cache used to hold up to 128 models
// of past steps, each with its encoded body (lib/http/json-response.ts keeps it
// per model): at 25,000 assets, hundreds of MB per replica for nothing.
// Least recently used out, so a burst of one-off views cannot empty it.
const models = new LruCache<string, { stamp: string; model: TeamPageModel }>(128);

// The views asked for lately are built again as soon as their step or
// snapshot moves on (view-warmer.ts), checked every second, so a request finds
// its model built instead of waiting for it. Builds are synchronous CPU (up to
// a second each at 25,000 assets), so only views still being watched are kept:
// an open page or embed polls at least once a step, so two steps without a
// request mean nobody is looking.
type View = [slug: string, range: RangeKey, location?: string, environment?: string];
const WARM_EVERY_MS = 1_000;
const warmer = viewWarmer<View>({
  build: (v) => teamPage(...v),
  now: Date.now,
  keepMs: 2 * MAX_STEP_MS,
  maxViews: 32,
});
let warming: ReturnType<typeof setInterval> | undefined;

/**
 * The team page's data, or null for a team the config does not know. A
 * location the team does not have never reaches the cache: the team-wide model
 * comes back instead, and callers tell the user (see unknownLocationProblem).
 */
export async function getTeamPage(
  slug: string,
  range: RangeKey,
  location?: string,
  /** The environment shown (docs/environments.md); undefined for the default. */
  environment?: string,
): Promise<TeamPageModel | null> {
  const model = await teamPage(slug, range, location, environment);
  // Only views that exist are kept warm (an unknown location answers the team-wide one).
  if (model && (location === undefined || model.allLocations.includes(location))) {
    warmer.seen(JSON.stringify([slug, range, location, environment]), [
      slug,
      range,
      location,
      environment,
    ]);
    warming ??= setInterval(() => void warmer.tick(), WARM_EVERY_MS);
    warming.unref?.();
  }
  return model;
}

async function teamPage(
  slug: string,
  range: RangeKey,
  location?: string,
  environment?: string,
): Promise<TeamPageModel | null> {
  const config = loadConfig();
  const team = config.teams.find((t) => t.slug === slug);
  if (!team) return null;
  if (location !== undefined) {
    const teamWide = await teamPage(slug, range, undefined, environment);
    if (!teamWide?.allLocations.includes(location)) return teamWide;
  }
  const snapshot = await getSnapshot(environment);
  const step = Math.min(MAX_STEP_MS, config.refresh.assetStatusSeconds * 1000);
  const now = Math.floor(Date.now() / step) * step;
  // The generation names the environment's deployments; the view names the
  // environment too, so two environments never replace each other's model.
  const view = JSON.stringify([slug, range, location ?? null, environment ?? null]);
  const stamp = `${snapshot.generation}@${insightsStamp()}@${now}`;
  const cached = models.get(view);
  if (cached?.stamp === stamp) return cached.model;
  const span = RANGE_MS[range];
  const model = buildTeamPage({
    snapshot,
    team,
    range,
    location,
    now,
    deployEvents: await deployStore().list({ since: now - 2 * span - 86_400_000 }),
    previousSample: await kpiStore().nearest(slug, now - span, Math.max(3_600_000, span / 4)),
    runsWindowMs: config.refresh.runsWindowDays * 86_400_000,
    storage: config.storage,
    insights: currentInsights(),
  });
  models.set(view, { stamp, model });
  return model;
}

export function teamExists(slug: string): boolean {
  return loadConfig().teams.some((t) => t.slug === slug);
}
