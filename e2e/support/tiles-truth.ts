import type { Page } from "@playwright/test";
import { workspaceTruth } from "./dagster";
import { healthTruth } from "./health-truth";
import { TEAMS, type TeamSlug, teamTruth } from "./team-truth";

// The overview's team tiles as Dagster says they should be, and as the page
// orders them (e2e/overview-triage.spec.ts, e2e/overview-triage-broken.spec.ts).

/** The team names as e2e/healthboard.e2e.yaml gives them (the order's last tie-break). */
export const NAMES: Record<TeamSlug, string> = {
  analytics: "Analytics",
  ml: "ML Platform",
  finance: "Finance",
};

export interface TileTruth {
  slug: TeamSlug;
  failing: number;
  degraded: number;
  warning: number;
  stale: number;
}

/** Each team's tile computed from Dagster: its location failing, and its assets' health. */
export async function tilesTruth(): Promise<TileTruth[]> {
  const locations = await workspaceTruth();
  const out: TileTruth[] = [];
  for (const team of TEAMS) {
    const truth = await teamTruth(team.slug);
    const health = await healthTruth(truth.assets.map((id) => JSON.parse(id) as string[]));
    out.push({
      slug: team.slug,
      failing: locations.filter((l) => l.name === team.location && l.failed).length,
      degraded: truth.degraded.length,
      warning: [...health.values()].filter((h) => h.overall === "WARNING").length,
      stale: truth.stale.length,
    });
  }
  return out;
}

/** Worst first, as the issue defines it. */
export function worstFirst(tiles: TileTruth[]): TeamSlug[] {
  return [...tiles]
    .sort(
      (a, b) =>
        b.failing - a.failing ||
        b.degraded - a.degraded ||
        b.warning - a.warning ||
        b.stale - a.stale ||
        NAMES[a.slug].localeCompare(NAMES[b.slug]),
    )
    .map((t) => t.slug);
}

export async function tileOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId("team-tile")
    .evaluateAll((tiles) => tiles.map((t) => t.getAttribute("data-team") ?? ""));
}
