import { expect, test } from "@playwright/test";
import { parseSvg } from "./support/badge-svg";
import { expectedTeamMessage } from "./support/badge-truth";
import { locationsAt } from "./support/environments-truth";
import { healthTruth } from "./support/health-truth";

// Team and asset badges with ?env= on the environments Healthboard (e2e/healthboard.envs.yaml):
// the seeded demo on :3071 as prod, demo/staging/ on :3073 as staging. Expected
// messages come from each Dagster's GraphQL API by the documented badge rule
// (e2e/support/badge-truth.ts), never from Healthboard's code.

const envsUrl = `http://127.0.0.1:${process.env.E2E_ENVS_PORT ?? 3160}`;
const stagingDagster = process.env.E2E_STAGING_DAGSTER_URL ?? "http://127.0.0.1:3073";

test("a team badge with ?env= says the team's health in that environment", async ({ page }) => {
  // The ML team in staging: its assets by their Dagster owner (the team's
  // configured location is prod's), each asset's health read from staging's Dagster.
  const mine = [...(await locationsAt(stagingDagster)).values()]
    .flat()
    .filter((a) => a.owners.includes("team:ml"));
  expect(mine.length).toBeGreaterThan(0);
  const badgeMessage = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, badge: await parseSvg(page, await res.text()) };
  };
  await expect(async () => {
    const health = await healthTruth(
      mine.map((a) => a.path),
      stagingDagster,
    );
    const truth = expectedTeamMessage(
      mine.flatMap((a) => {
        const h = health.get(a.id);
        return h ? [{ team: "ml", overall: h.overall }] : [];
      }),
      "ml",
    );
    const staging = await badgeMessage(`${envsUrl}/badge/team/ml.svg?env=staging`);
    expect(staging.status).toBe(200);
    expect(staging.badge.message).toBe(truth);
    // prod's ML team has a failing asset (recommendation_model): the two badges differ,
    // so the one above did not read prod.
    const prod = await badgeMessage(`${envsUrl}/badge/team/ml.svg`);
    expect(prod.badge.message).toMatch(/^\d+ degraded/);
    expect(prod.badge.message).not.toBe(staging.badge.message);
  }).toPass({ timeout: 30_000 });
  const unknown = await badgeMessage(`${envsUrl}/badge/team/ml.svg?env=nowhere`);
  expect(unknown.status).toBe(400);
  expect(unknown.badge.message).toBe("invalid env");
});

test("an asset badge with ?env= says the asset's health in that environment", async ({ page }) => {
  // recommendation_model fails on purpose in the seeded prod; staging never ran it.
  const path = ["recommendation_model"];
  const badge = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, badge: await parseSvg(page, await res.text()) };
  };
  await expect(async () => {
    const id = JSON.stringify(path);
    const inStaging = (await healthTruth([path], stagingDagster)).get(id)?.overall;
    const inProd = (await healthTruth([path])).get(id)?.overall;
    expect(inStaging).toBeDefined();
    // The two environments disagree, so a badge that read the wrong one fails.
    expect(inProd).not.toBe(inStaging);
    const staging = await badge(`${envsUrl}/badge/asset/recommendation_model.svg?env=staging`);
    expect(staging.status).toBe(200);
    expect(staging.badge.message.split(" · ")[0]).toBe(inStaging?.toLowerCase());
    const prod = await badge(`${envsUrl}/badge/asset/recommendation_model.svg`);
    expect(prod.badge.message.split(" · ")[0]).toBe(inProd?.toLowerCase());
  }).toPass({ timeout: 30_000 });
  const unknown = await badge(`${envsUrl}/badge/asset/recommendation_model.svg?env=nowhere`);
  expect(unknown.status).toBe(400);
  expect(unknown.badge.message).toBe("invalid env");
});
