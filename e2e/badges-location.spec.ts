import { expect, test } from "@playwright/test";
import { fetchBadge } from "./support/badge-svg";
import { setBroken, workspaceTruth } from "./support/dagster";

// The location badges against the real Dagster's load state, through a break
// and a fix of ml-platform: it changes the shared Dagster, so it runs in the
// serial phase (the other badges, which only read, are e2e/badges.spec.ts).

// One test, on a fresh page (about:blank), where fetchBadge parses the SVG.
test("location badges equal Dagster's load state, and follow a break and a fix", async ({
  page,
  request,
}) => {
  for (const loc of await workspaceTruth()) {
    await expect(async () => {
      const now = (await workspaceTruth()).find((l) => l.name === loc.name);
      const badge = await fetchBadge(page, request, `/badge/location/local/${loc.name}.svg`);
      expect(badge.label).toBe(loc.name);
      expect(badge.message.split(" · ")[0]).toBe(now?.failed ? "failed" : "loaded");
      expect(badge.message).toMatch(/^(loaded|failed|loading)( · deploys \d+% ok)?$/);
    }).toPass({ timeout: 30_000 });
  }

  const url = "/badge/location/local/ml-platform.svg";
  const word = async () => (await fetchBadge(page, request, url)).message.split(" · ")[0];
  try {
    await setBroken("ml-platform", true);
    await expect
      .poll(async () => (await workspaceTruth()).find((l) => l.name === "ml-platform")?.failed, {
        timeout: 30_000,
      })
      .toBe(true);
    await expect.poll(word, { timeout: 30_000 }).toBe("failed");
    const failed = await fetchBadge(page, request, url);
    expect(failed.res.status()).toBe(200);
    await setBroken("ml-platform", false);
    await expect.poll(word, { timeout: 30_000 }).toBe("loaded");
  } finally {
    await setBroken("ml-platform", false);
  }
});
