import { expect, type Page, test } from "@playwright/test";
import { dagsterQuery } from "./support/dagster";
import { settle } from "./support/tabs";

// Issue 12's smaller things: a phone-width page that fits, a demo whose deploy
// history and "vs previous" are filled from its own seeded history
// (scripts/seed-healthboard-history.ts, run by scripts/seed-demo.sh), and a
// duration chart that draws a mark for each bucket with runs, however few.

const HOUR = 3_600_000;

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe("at 390 px wide", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of ["/", "/teams/analytics", "/teams/ml?range=7d", "/teams/finance?range=30d"]) {
    test(`${path} has no horizontal overflow`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await settle(page);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    });
  }
});

test("the analytics deploys panel and Deploy success 'vs previous' are filled from the seeded history", async ({
  page,
  request,
}) => {
  // The seeding redeployed analytics-team for real: Dagster's definitions carry
  // the version it ended at, not the demo's initial v1.
  const data = await dagsterQuery<{
    assetNodes: {
      tags: { key: string; value: string }[];
      repository: { location: { name: string } };
    }[];
  }>(`{ assetNodes { tags { key value } repository { location { name } } } }`);
  const versions = new Set(
    data.assetNodes
      .filter((a) => a.repository.location.name === "analytics-team")
      .flatMap((a) => a.tags.filter((t) => t.key === "demo_version").map((t) => t.value)),
  );
  expect([...versions]).not.toContain("v1");

  // Healthboard holds it as seeded history, labelled so.
  const api = await (
    await request.get("/api/v1/deploys?deployment=local&location=analytics-team&days=30")
  ).json();
  const kinds = api.events.map((e: { kind: string }) => e.kind);
  expect(kinds).toContain("deploy");
  expect(kinds).toContain("deploy_failed");
  expect(api.events.some((e: { versionKey: string }) => e.versionKey.startsWith("seeded:"))).toBe(
    true,
  );

  for (const range of ["24h", "7d"]) {
    await page.goto(`/teams/analytics?range=${range}`);
    await expect(page.locator("#deploys").getByTestId("deploy-location")).not.toHaveCount(0);
    const deploySuccess = page.locator('[aria-label="Key figures"] li', {
      hasText: "Deploy success",
    });
    await expect(deploySuccess).toContainText(/vs previous|no change/);
    await expect(deploySuccess).not.toContainText("no data");
    const failures = page.locator('[aria-label="Key figures"] li', { hasText: "Failed runs" });
    await expect(failures).not.toContainText("no data");
  }
});

test("a 24h duration chart draws a mark for every bucket with runs, on an s/min/h axis", async ({
  page,
}) => {
  // Dagster's own record: analytics-team runs finished and created in the last 24 h.
  const now = Date.now();
  const data = await dagsterQuery<{
    runsOrError: {
      results: {
        creationTime: number;
        startTime: number | null;
        endTime: number | null;
        repositoryOrigin: { repositoryLocationName: string } | null;
      }[];
    };
  }>(
    `query ($after: Float) { runsOrError(filter: { createdAfter: $after }) { ... on Runs {
       results { creationTime startTime endTime repositoryOrigin { repositoryLocationName } } } } }`,
    // A minute inside the window, so a run on its edge cannot fall either way.
    { after: (now - 24 * HOUR + 60_000) / 1000 },
  );
  const hours = new Set(
    data.runsOrError.results
      .filter(
        (r) =>
          r.repositoryOrigin?.repositoryLocationName === "analytics-team" &&
          r.startTime !== null &&
          r.endTime !== null,
      )
      .map((r) => Math.floor((r.creationTime * 1000) / HOUR)),
  );
  expect(hours.size).toBeGreaterThan(0);

  await page.goto("/teams/analytics?range=24h");
  const chart = page.locator("#execution-times");
  // One dot for p50 and one for p95 per bucket with runs: a lone bucket is drawn too.
  await expect(chart.locator(".recharts-line-dots circle")).toHaveCount(2 * hours.size);
  const ticks = await chart
    .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .allTextContents();
  expect(ticks.length).toBeGreaterThan(1);
  for (const t of ticks) expect(t).toMatch(/^\d+(\.\d+)? (s|min|h)$/);
  await expect(chart.locator(".recharts-legend-item-text")).toHaveText([
    "analytics-team p50 (median)",
    "analytics-team p95",
  ]);
});
