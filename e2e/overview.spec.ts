import { expect, test } from "@playwright/test";
import { workspaceTruth } from "./support/dagster";

// Team ownership as the e2e config defines it: owners first, location second.
const TEAMS = [
  { slug: "analytics", owner: "team:analytics", location: "analytics-team" },
  { slug: "ml", owner: "team:ml", location: "ml-platform" },
  { slug: "finance", owner: "team:finance", location: "finance-reporting" },
];

test("the overview shows every location with Dagster's status and asset count", async ({
  page,
}) => {
  const truth = await workspaceTruth();
  expect(truth.map((l) => l.name).sort()).toEqual([
    "analytics-team",
    "finance-reporting",
    "ml-platform",
  ]);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const local = page.locator('[data-testid="deployment"][data-deployment="local"]');
  await expect(local.getByTestId("location-row")).toHaveCount(truth.length);

  for (const loc of truth) {
    const row = local.locator(`[data-testid="location-row"][data-location="${loc.name}"]`);
    await expect(row.getByTestId("location-status")).toHaveText(loc.failed ? "Failed" : "Loaded");
    await expect(row.getByTestId("location-asset-count")).toHaveText(String(loc.assets.length));
    await expect(row.getByRole("link", { name: new RegExp(loc.name) })).toHaveAttribute(
      "href",
      `http://127.0.0.1:3071/locations/${loc.name}/assets`,
    );
  }
});

test("team tiles count the assets each team owns in Dagster", async ({ page }) => {
  const truth = await workspaceTruth();
  await page.goto("/");
  for (const team of TEAMS) {
    const expected = truth
      .flatMap((loc) => loc.assets.map((a) => ({ ...a, location: loc.name })))
      .filter((a) => {
        const byOwner = TEAMS.find((t) => a.owners.includes(t.owner));
        return byOwner ? byOwner.slug === team.slug : a.location === team.location;
      }).length;
    expect(expected).toBeGreaterThan(0);
    const tile = page.locator(`[data-testid="team-tile"][data-team="${team.slug}"]`);
    await expect(tile.getByTestId("team-asset-count")).toHaveText(String(expected));
  }
});

test("a deployment that is down shows a banner and harms nothing else", async ({ page }) => {
  await page.goto("/");
  const offline = page.locator('[data-testid="deployment"][data-deployment="offline"]');
  await expect(offline.getByTestId("deployment-error")).toContainText(
    "Cannot reach this deployment",
  );
  const local = page.locator('[data-testid="deployment"][data-deployment="local"]');
  await expect(local.getByTestId("location-row")).toHaveCount(3);
  await expect(local.getByTestId("deployment-error")).toHaveCount(0);
});

test("an unknown URL gets a 404 page", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
