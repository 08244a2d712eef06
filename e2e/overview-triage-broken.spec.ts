import { expect, test } from "@playwright/test";
import { setBroken } from "./support/dagster";
import { type TileTruth, tileOrder, tilesTruth, worstFirst } from "./support/tiles-truth";

// The overview's triage with a location failing: it breaks ml-platform on the
// shared Dagster, so it runs in the serial phase (the overview's other triage
// checks, which only read, are e2e/overview-triage.spec.ts).

test.describe("with ml-platform broken", () => {
  test.afterAll(async () => {
    await setBroken("ml-platform", false);
  });

  test("the ml tile comes first in red, its location is listed first and as failing now", async ({
    page,
  }) => {
    await setBroken("ml-platform", true);
    // Dagster itself reports the failed load before Healthboard can.
    let truth: TileTruth[] = [];
    await expect
      .poll(
        async () => {
          truth = await tilesTruth();
          return truth.find((t) => t.slug === "ml")?.failing;
        },
        { timeout: 30_000 },
      )
      .toBe(1);

    await expect(async () => {
      await page.goto("/");
      expect(await tileOrder(page)).toEqual(worstFirst(truth));
    }).toPass({ timeout: 30_000 });
    expect((await tileOrder(page))[0]).toBe("ml");
    const ml = page.locator('[data-testid="team-tile"][data-team="ml"]');
    await expect(ml).toHaveAttribute("data-tone", "degraded");
    await expect(ml.getByTestId("team-failing-locations")).toHaveText("1");

    const local = page.locator('[data-testid="deployment"][data-deployment="local"]');
    await expect(local.getByTestId("location-row").first()).toHaveAttribute(
      "data-location",
      "ml-platform",
    );
    await expect(
      page.locator('[data-testid="failing-location"][data-location="ml-platform"]'),
    ).toContainText("ML Platform");

    await setBroken("ml-platform", false);
    await expect(ml.getByTestId("team-failing-locations")).toHaveText("0", { timeout: 30_000 });
  });
});
