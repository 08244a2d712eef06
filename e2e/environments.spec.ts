import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { dagsterQueryAt } from "./support/dagster";
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

// Every page follows ?env= (docs/environments.md). ML's assets are the same
// keys in both instances, so the truth also says where each one lives: every
// asset link on the page must lead to the instance the environment names.

/** ML's assets at one instance, as the config assigns them: owner team:ml, else ml-platform in prod. */
function mlAssets(locations: Map<string, { id: string; owners: string[] }[]>, prod: boolean) {
  return [...locations]
    .flatMap(([location, assets]) =>
      assets.filter(
        (a) =>
          a.owners.includes("team:ml") ||
          (prod && location === "ml-platform" && a.owners.every((o) => !o.startsWith("team:"))),
      ),
    )
    .map((a) => a.id)
    .sort();
}

async function assetRows(page: Page) {
  return page
    .getByTestId("asset-table")
    .locator("tr[data-asset]")
    .evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute("data-asset") ?? "",
        href: r.querySelector("a")?.getAttribute("href") ?? "",
      })),
    );
}

test("the ML team page shows prod's assets in prod and staging's in staging", async ({ page }) => {
  for (const [env, dagster] of [
    ["prod", prodDagster],
    ["staging", stagingDagster],
  ] as const) {
    const truth = mlAssets(await locationsAt(dagster), env === "prod");
    expect(truth.length, `${env} has ML assets`).toBeGreaterThan(0);
    await page.goto(`${envsUrl}/teams/ml${env === "prod" ? "" : `?env=${env}`}`);
    await expect
      .poll(async () => (await assetRows(page)).map((r) => r.id).sort(), { message: env })
      .toEqual(truth);
    for (const row of await assetRows(page))
      expect(row.href, `${env}: ${row.id}`).toMatch(new RegExp(`^${dagster}/`));
  }
});

test("the assets API follows ?env=, and a deployment it names reads that deployment's environment", async ({
  request,
}) => {
  const rows = async (query: string) => {
    const res = await request.get(`${envsUrl}/api/v1/assets?${query}`);
    expect(res.status(), query).toBe(200);
    const { assets } = (await res.json()) as { assets: { key: string[]; deployment: string }[] };
    return assets.map((a) => `${a.deployment} ${JSON.stringify(a.key)}`).sort();
  };
  const at = (deployment: string, ids: string[]) => ids.map((id) => `${deployment} ${id}`).sort();
  const staging = at("staging", mlAssets(await locationsAt(stagingDagster), false));
  const prod = at("local", mlAssets(await locationsAt(prodDagster), true));
  expect(staging.length).toBeGreaterThan(0);
  await expect.poll(() => rows("team=ml&env=staging")).toEqual(staging);
  expect(await rows("team=ml&deployment=staging")).toEqual(staging);
  expect(await rows("team=ml")).toEqual(prod);
  expect(await rows("team=ml&deployment=staging&env=staging")).toEqual(staging);
  const unknown = await request.get(`${envsUrl}/api/v1/assets?env=nowhere`);
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toContain("env: unknown environment");
  const conflict = await request.get(`${envsUrl}/api/v1/assets?deployment=staging&env=prod`);
  expect(conflict.status()).toBe(400);
  expect(await conflict.text()).toContain(
    "deployment: staging is in environment staging, not prod",
  );
});

test("the switch keeps the page and its view; links inside keep ?env=", async ({ page }) => {
  await page.goto(`${envsUrl}/teams/ml?range=24h`);
  await page.getByTestId("environment-switch").selectOption("staging");
  await expect(page).toHaveURL(/\/teams\/ml\?range=24h&env=staging$/);
  await expect
    .poll(async () => (await assetRows(page)).map((r) => r.href.startsWith(`${stagingDagster}/`)))
    .not.toContain(false);
  // The view's own links (range, asset lists, key figures) and the header keep the environment.
  const rangeLink = page.getByRole("navigation", { name: "Time range" }).getByRole("link", {
    name: "7d",
  });
  await expect(rangeLink).toHaveAttribute("href", /env=staging/);
  for (const href of await page
    .getByRole("navigation", { name: "Asset lists" })
    .getByRole("link")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? "")))
    expect(href).toContain("env=staging");
  const lineageLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", {
    name: "Lineage",
  });
  await expect(lineageLink).toHaveAttribute("href", "/lineage?env=staging");
  // Back to prod: same page, no env in the URL.
  await page.getByTestId("environment-switch").selectOption("prod");
  await expect(page).toHaveURL(/\/teams\/ml\?range=24h$/);
  await expect
    .poll(async () => (await assetRows(page)).map((r) => r.href.startsWith(`${prodDagster}/`)))
    .not.toContain(false);
});

test("lineage shows one environment: the page, its API calls and the node panel", async ({
  page,
}) => {
  const [prod, staging] = await Promise.all([
    locationsAt(prodDagster),
    locationsAt(stagingDagster),
  ]);
  // The graph's nodes: every asset defined, and every key one of them reads (in
  // staging, ML still reads the renamed product_performance, which nothing defines).
  const keysOf = (m: Map<string, { id: string; deps: string[] }[]>) =>
    [...new Set([...m.values()].flat().flatMap((a) => [a.id, ...a.deps]))].sort();
  for (const [env, truth] of [
    ["prod", keysOf(prod)],
    ["staging", keysOf(staging)],
  ] as const) {
    const res = await fetch(`${envsUrl}/api/v1/graph?env=${env}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { keys: string[][] };
    expect(body.keys.map((k) => JSON.stringify(k)).sort(), env).toEqual(truth);
  }
  expect(keysOf(staging)).not.toEqual(keysOf(prod));

  // The page asks its API for staging only, including the selected node's details.
  const asked: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/^\/api\/v1\/(graph|asset|latency|overview)$/.test(url.pathname)) asked.push(r.url());
  });
  const renamed = keysOf(staging).find((k) => !keysOf(prod).includes(k)) as string;
  const q = new URLSearchParams({ focus: renamed, selected: renamed, env: "staging" });
  await page.goto(`${envsUrl}/lineage?${q}`);
  await expect(page.getByTestId("graph-summary")).toContainText(
    `of ${keysOf(staging).length} assets`,
  );
  // The graph that came in the document (lib/lineage/inline-graph.ts) is staging's.
  const inlined = JSON.parse((await page.locator("script#hb-graph").textContent()) ?? "") as {
    keys: string[][];
  };
  expect(inlined.keys.map((k) => JSON.stringify(k)).sort()).toEqual(keysOf(staging));
  await expect(page.getByTestId("node-details")).toBeVisible();
  await expect.poll(() => asked.some((u) => u.includes("/api/v1/asset?"))).toBe(true);
  for (const url of asked) expect(url).toContain("env=staging");
  // A view change keeps the environment in the URL.
  await page.getByRole("button", { name: "Close details" }).click();
  await expect(page).toHaveURL(/env=staging/);
  await expect(page).not.toHaveURL(/selected=/);
});

test("an unknown environment is a 404 on pages and a 400 naming env in the API", async () => {
  for (const path of ["/", "/teams/ml", "/lineage"]) {
    const res = await fetch(`${envsUrl}${path}?env=nowhere`);
    expect(res.status, path).toBe(404);
  }
  for (const path of ["/api/v1/teams/ml", "/api/v1/graph", "/api/v1/asset?key=x"]) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await fetch(`${envsUrl}${path}${sep}env=nowhere`);
    expect(res.status, path).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^env:/);
  }
});

test("badges and embeds of a staging deployment read staging", async ({ page }) => {
  // A location badge names its deployment: staging's analytics-team is read in staging.
  const loaded = await dagsterQueryAt<{
    workspaceOrError: {
      locationEntries: { name: string; locationOrLoadError: { __typename: string } }[];
    };
  }>(
    stagingDagster,
    "{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError { __typename } } } } }",
  );
  const analytics = loaded.workspaceOrError.locationEntries.find(
    (e) => e.name === "analytics-team",
  );
  expect(analytics?.locationOrLoadError.__typename).toBe("RepositoryLocation");
  const badge = await fetch(`${envsUrl}/badge/location/staging/analytics-team.svg`);
  expect(badge.status).toBe(200);
  expect(await badge.text()).toContain("analytics-team");

  // An embedded panel copied from a staging page shows staging.
  const truth = mlAssets(await locationsAt(stagingDagster), false);
  await page.goto(`${envsUrl}/embed/teams/ml/assets?env=staging`);
  await expect.poll(async () => (await assetRows(page)).map((r) => r.id).sort()).toEqual(truth);
  for (const row of await assetRows(page))
    expect(row.href).toMatch(new RegExp(`^${stagingDagster}/`));
  expect((await fetch(`${envsUrl}/embed/teams/ml/assets?env=nowhere`)).status).toBe(404);
});
