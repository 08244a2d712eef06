import { expect, test } from "@playwright/test";
import { setBroken, workspaceTruth } from "./support/dagster";

test.afterAll(async () => {
  await setBroken("ml-platform", false);
});

test("a broken ml-platform shows as failed with its error while the others still show", async ({
  page,
  request,
}) => {
  await setBroken("ml-platform", true);
  // Dagster itself must report the failure before Healthboard can.
  await expect
    .poll(async () => (await workspaceTruth()).find((l) => l.name === "ml-platform")?.failed, {
      timeout: 30_000,
    })
    .toBe(true);
  const truth = await workspaceTruth();
  const broken = truth.find((l) => l.name === "ml-platform");
  expect(broken?.error).toContain("broken on purpose");

  const row = page.locator('[data-testid="location-row"][data-location="ml-platform"]');
  await expect(async () => {
    await page.goto("/");
    await expect(row.getByTestId("location-status")).toHaveText("Failed", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row.getByTestId("location-error")).toContainText("broken on purpose");

  for (const loc of truth.filter((l) => l.name !== "ml-platform")) {
    const other = page.locator(`[data-testid="location-row"][data-location="${loc.name}"]`);
    await expect(other.getByTestId("location-status")).toHaveText("Loaded");
    await expect(other.getByTestId("location-asset-count")).toHaveText(String(loc.assets.length));
  }

  // The deploy history recorded the failed load with its error.
  const deploys = await (
    await request.get("/api/v1/deploys?deployment=local&location=ml-platform")
  ).json();
  expect(deploys.events.at(-1)).toMatchObject({ kind: "deploy_failed", location: "ml-platform" });
  expect(deploys.events.at(-1).error).toContain("broken on purpose");

  // Fixing it again is picked up by the open page's polling, without a reload.
  await setBroken("ml-platform", false);
  await expect(row.getByTestId("location-status")).toHaveText("Loaded", { timeout: 30_000 });
  await expect
    .poll(async () => {
      const after = await (
        await request.get("/api/v1/deploys?deployment=local&location=ml-platform")
      ).json();
      return after.events.slice(-2).map((e: { kind: string }) => e.kind);
    })
    .toEqual(["deploy", "recovery"]);
});
