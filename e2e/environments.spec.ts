import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { locationsAt, truthDiff } from "./support/environments-truth";

// Environments against two real Dagster instances: the seeded demo on :3071 as
// prod and demo/staging/ (scripts/staging-up.sh) on :3073 as staging, whose
// analytics-team renames an asset ml-platform reads. Expectations come from
// both GraphQL APIs (e2e/support/environments-truth.ts).

const run = promisify(execFile);
const envsUrl = `http://127.0.0.1:${process.env.E2E_ENVS_PORT ?? 3160}`;
const prodDagster = process.env.E2E_DAGSTER_URL ?? "http://127.0.0.1:3071";
const stagingDagster = process.env.E2E_STAGING_DAGSTER_URL ?? "http://127.0.0.1:3073";

async function pageDiff(page: Page, location: string) {
  const row = page.locator(`tr[data-location="${location}"][data-environment="staging"]`);
  await expect(row).toBeVisible();
  const items = row.locator("[data-diff]");
  const read = async (kind: string) =>
    (
      await items.evaluateAll(
        (els, k) =>
          els
            .filter((e) => e.getAttribute("data-diff") === k)
            .map((e) => e.getAttribute("data-key")),
        kind,
      )
    ).sort();
  return {
    added: await read("added"),
    removed: await read("removed"),
    changed: await read("changed"),
  };
}

test("the comparison lists exactly the asset differences between prod and staging", async ({
  page,
}) => {
  const [prod, staging] = await Promise.all([
    locationsAt(prodDagster),
    locationsAt(stagingDagster),
  ]);
  const shared = [...prod.keys()].filter((name) => staging.has(name)).sort();
  expect(shared.length, "both instances load the same locations").toBe(3);
  await page.goto(`${envsUrl}/environments`);
  for (const name of shared) {
    const truth = truthDiff(prod.get(name) ?? [], staging.get(name) ?? []);
    await expect.poll(() => pageDiff(page, name), { message: name }).toEqual(truth);
  }
  // The staging change is real: the analytics diff is not empty.
  const analytics = truthDiff(
    prod.get("analytics-team") ?? [],
    staging.get("analytics-team") ?? [],
  );
  expect(analytics.removed.length).toBeGreaterThan(0);
});

test("the contract check names the ML asset the renamed analytics asset would break", async ({
  page,
}) => {
  const [prod, staging] = await Promise.all([
    locationsAt(prodDagster),
    locationsAt(stagingDagster),
  ]);
  const stagingIds = new Set((staging.get("analytics-team") ?? []).map((a) => a.id));
  const gone = (prod.get("analytics-team") ?? []).filter((a) => !stagingIds.has(a.id));
  // ML's assets (owner team:ml) in prod that read a key staging no longer has.
  const brokenMl = (prod.get("ml-platform") ?? [])
    .filter((a) => a.owners.includes("team:ml") && a.deps.some((d) => gone.some((g) => g.id === d)))
    .map((a) => a.path.join(" / "));
  expect(brokenMl.length).toBeGreaterThan(0);

  const res = await fetch(`${envsUrl}/api/v1/contract-check?head=staging&location=analytics-team`);
  const body = (await res.json()) as {
    breaking: boolean;
    locations: { breaks: { consumers: { team: string | null; key: string[] }[] }[] }[];
  };
  expect(body.breaking).toBe(true);
  const named = body.locations
    .flatMap((l) => l.breaks.flatMap((b) => b.consumers))
    .filter((c) => c.team === "ml")
    .map((c) => c.key.join(" / "));
  expect(named.sort()).toEqual(brokenMl.sort());

  await page.goto(`${envsUrl}/environments`);
  const check = page.getByTestId("contract-check-staging");
  await expect(check).toHaveAttribute("data-breaking", "true");
  for (const key of brokenMl)
    await expect(
      check.getByTestId("broken-consumer").filter({ hasText: key }).first(),
    ).toBeVisible();

  // The producing team's page carries the same verdict in a small panel.
  await page.goto(`${envsUrl}/teams/analytics`);
  const panel = page.getByTestId("panel-promotion");
  await expect(panel.getByTestId("contract-check-staging")).toHaveAttribute(
    "data-breaking",
    "true",
  );
  for (const key of brokenMl)
    await expect(
      panel.getByTestId("broken-consumer").filter({ hasText: key }).first(),
    ).toBeVisible();
});

test("the CI command exits non-zero for the breaking location and zero for an unchanged one", async () => {
  const cli = (location: string) =>
    run("node", [
      "scripts/healthboard.mjs",
      "check",
      "--head",
      "staging",
      "--location",
      location,
      "--url",
      envsUrl,
    ])
      .then(({ stdout }) => ({ code: 0, stdout }))
      .catch((err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }));
  const broken = await cli("analytics-team");
  expect(broken.code, broken.stdout).toBe(1);
  expect(broken.stdout).toContain("ml/product_embeddings");
  // ml-platform is unchanged in staging and finance reads its models.
  const unchanged = await cli("ml-platform");
  expect(unchanged.code, unchanged.stdout).toBe(0);
});

test("the environment switch shows one environment at a time", async ({ page }) => {
  await page.goto(`${envsUrl}/`);
  const deployments = page.getByTestId("deployment");
  await expect(deployments).toHaveCount(1);
  await expect(deployments.first()).toHaveAttribute("data-deployment", "local");
  await page.getByTestId("environment-switch").selectOption("staging");
  await expect(page).toHaveURL(/[?&]env=staging/);
  await expect(deployments).toHaveCount(1);
  await expect(deployments.first()).toHaveAttribute("data-deployment", "staging");
  await page.getByTestId("environment-switch").selectOption("prod");
  await expect(page).not.toHaveURL(/env=/);
  await expect(deployments.first()).toHaveAttribute("data-deployment", "local");
});
