import { expect, test } from "@playwright/test";
import {
  FIRST_HISTORY_POLL,
  FIRST_HISTORY_TEST_TIMEOUT_MS,
  ownHealthboard,
} from "./support/own-healthboard";
import { stepSecondsByLocation } from "./support/perf-truth";

test.describe.configure({ timeout: FIRST_HISTORY_TEST_TIMEOUT_MS });

// Compute per code location and team equals the step execution time summed in
// the test from the runs' step stats in Dagster's GraphQL API. A Healthboard of
// its own (port 3150, a temporary data directory) reads the shared Dagster.

const PORT = 3150;
const TEAMS: Record<string, string> = {
  analytics: "analytics-team",
  ml: "ml-platform",
  finance: "finance-reporting",
};

interface ComputeModel {
  window: { since: number; until: number };
  freshnessOfData: { deployment: string; runsAsOf: number | null }[];
  performance: {
    compute: {
      source: string;
      totalStepSeconds: number;
      locations: { location: string; stepSeconds: number; steps: number }[];
    };
  };
}

const base = ownHealthboard(PORT);

async function teamModel(slug: string): Promise<ComputeModel> {
  const res = await fetch(`${base()}/api/v1/teams/${slug}?range=7d`);
  expect(res.status).toBe(200);
  return (await res.json()) as ComputeModel;
}

for (const [slug, location] of Object.entries(TEAMS)) {
  test(`compute of the ${slug} team equals the step stats Dagster recorded`, async () => {
    // Runs arrive a few seconds after definitions; poll until they match.
    await expect
      .poll(async () => {
        const model = await teamModel(slug);
        const local = model.freshnessOfData.find((d) => d.deployment === "local");
        if (!local?.runsAsOf) return "runs not read yet";
        const truth = await stepSecondsByLocation(model.window.since, model.window.until);
        const want = truth.get(location) ?? { seconds: 0, steps: 0 };
        const row = model.performance.compute.locations.find((l) => l.location === location);
        const got = row ?? { stepSeconds: 0, steps: 0 };
        // Times are rounded to the millisecond per step: allow a millisecond each.
        const close = Math.abs(got.stepSeconds - want.seconds) <= 0.001 * (want.steps + 1);
        return close && got.steps === want.steps
          ? "equal"
          : `healthboard ${got.stepSeconds}s/${got.steps} steps, dagster ${want.seconds}s/${want.steps}`;
      }, FIRST_HISTORY_POLL)
      .toBe("equal");
    const model = await teamModel(slug);
    // The team's only location: its total is that location's.
    expect(model.performance.compute.locations.map((l) => l.location)).toEqual([location]);
    expect(model.performance.compute.totalStepSeconds).toBeCloseTo(
      model.performance.compute.locations[0]?.stepSeconds ?? -1,
      6,
    );
    expect(model.performance.compute.source).toMatch(/step stats/);
  });
}

test("the Compute panel shows the ML team's step time per location", async ({ page }) => {
  await page.goto(`${base()}/teams/ml?range=7d`);
  const row = page.getByTestId("compute-locations").locator('tr[data-location="ml-platform"]');
  await expect(row).toHaveCount(1);
  const shown = Number(await row.getAttribute("data-step-seconds"));
  const model = await teamModel("ml");
  const truth = await stepSecondsByLocation(model.window.since, model.window.until);
  expect(shown).toBeCloseTo(truth.get("ml-platform")?.seconds ?? -1, 1);
  await expect(page.getByTestId("longest-steps").locator("li").first()).toBeVisible();
});
