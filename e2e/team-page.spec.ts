import { expect, test } from "@playwright/test";
import { secondAssetsTruth } from "./support/second-truth";
import { failedRunsIn, teamFailedRuns } from "./support/team-runs-truth";
import { TEAMS, teamTruth } from "./support/team-truth";

const DAY = 86_400_000;

for (const { slug } of TEAMS) {
  test(`the ${slug} team page's numbers match Dagster`, async ({ page }) => {
    const truth = await teamTruth(slug);
    expect(truth.assets.length).toBeGreaterThan(0);
    await page.goto(`/teams/${slug}?range=7d`);

    await expect(page.getByTestId("kpi-owned")).toHaveText(String(truth.assets.length));
    await expect(page.getByTestId("kpi-degraded")).toHaveText(String(truth.degraded.length));
    await expect(page.getByTestId("kpi-stale")).toHaveText(String(truth.stale.length));

    // Failures in the range: failed runs (status FAILURE) created in the last
    // 7 days that planned or failed one of the team's assets (docs/health-model.md).
    const now = Date.now();
    const assets = (await secondAssetsTruth()).filter((a) => a.deployment === "local");
    const runs = (await failedRunsIn(now - 7 * DAY, now)).filter((r) => r.deployment === "local");
    const failed = teamFailedRuns(slug, runs, assets).length;
    await expect(page.getByTestId("kpi-failures")).toHaveText(String(failed));
    await expect(page.getByTestId("failures-total")).toHaveText(String(failed));

    // Upstream dependencies owned by other teams, row for row.
    const upstreamRows = page.getByTestId("upstream-table").locator("tbody tr");
    if (truth.upstreamOfOtherTeams.length === 0) {
      await expect(page.getByTestId("upstream-table")).toHaveCount(0);
    } else {
      await expect(upstreamRows).toHaveCount(truth.upstreamOfOtherTeams.length);
      const shown = await upstreamRows.evaluateAll((rows) =>
        rows.map((r) => r.getAttribute("data-asset")),
      );
      expect(shown.sort()).toEqual(truth.upstreamOfOtherTeams);
    }

    // The list behind the degraded count.
    await page.getByTestId("kpi-degraded").click();
    await expect(page).toHaveURL(/list=degraded/);
    const listed = await page
      .getByTestId("asset-table")
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-asset")));
    expect(listed.sort()).toEqual(truth.degraded);
  });
}

test("the demo's known states show: a failing model, a warning check, a stale export", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto("/teams/ml");
  const ml = page.getByTestId("asset-table");
  await expect(
    ml.locator("tr[data-asset='[\"recommendation_model\"]'] [data-health]").first(),
  ).toHaveAttribute("data-health", "DEGRADED");
  // Staleness is Dagster's verdict, made by its daemon's freshness evaluation
  // some seconds after start-up: wait until Dagster itself says so.
  await expect
    .poll(async () => (await teamTruth("analytics")).stale, { timeout: 90_000, intervals: [2_000] })
    .toEqual([JSON.stringify(["legacy_marketing_export"])]);
  await expect(async () => {
    await page.goto("/teams/analytics?list=stale");
    await expect(page.getByTestId("asset-table").locator("tbody tr")).toHaveCount(1, {
      timeout: 3_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("asset-table")).toContainText("legacy_marketing_export");
});

test("the view lives in the URL and survives a reload", async ({ page }) => {
  await page.goto("/teams/analytics");
  await page.getByRole("link", { name: "30d" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await page.reload();
  await expect(page.getByRole("link", { name: "30d" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("freshness-pass-rate")).toBeVisible();
});

test("a location filter naming none of the team's locations says so", async ({ page }) => {
  await page.goto("/teams/ml?location=nowhere-team");
  await expect(page.getByTestId("param-problems")).toContainText(
    "No code location of this team has that name; choose one of ml-platform",
  );
});

test("an unknown team is a 404 page and a bad range is a message, not an error", async ({
  page,
}) => {
  const res = await page.goto("/teams/no-such-team");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Team not found" })).toBeVisible();

  const bad = await page.goto("/teams/ml?range=<script>alert(1)</script>");
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId("param-problems")).toContainText("Unknown range");
  expect(await page.content()).not.toContain("<script>alert(1)</script>");
});

test("the team API answers 400 for a bad range and 404 for an unknown team", async ({
  request,
}) => {
  expect((await request.get("/api/v1/teams/ml?range=1y")).status()).toBe(400);
  expect((await request.get("/api/v1/teams/nope")).status()).toBe(404);
  expect((await request.get("/api/v1/teams/..%2F..%2Fetc")).status()).toBe(404);
});

test("each panel offers its table as CSV", async ({ page }) => {
  await page.goto("/teams/ml");
  const download = page.waitForEvent("download");
  await page.getByTestId("panel-failures").getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("ml-failures.csv");
});
