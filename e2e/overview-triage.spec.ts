import { expect, test } from "@playwright/test";
import { dagsterQuery } from "./support/dagster";
import { TEAMS, type TeamSlug, teamTruth } from "./support/team-truth";
import { NAMES, tileOrder, tilesTruth, worstFirst } from "./support/tiles-truth";

// The overview as a triage page, checked against Dagster's own answers and
// against each team page's API. The triage order is the documented one:
// failing locations, then degraded, then warning, then stale, then name.
// These only read the shared Dagster, so they run beside the other read-only
// specs; a failing location's place in the order is
// e2e/overview-triage-broken.spec.ts, in the serial phase.

test("the overview orders teams worst first, each tile agreeing with Dagster and its team page", async ({
  page,
  request,
}) => {
  // It reads Dagster once per team and checks every tile against two sources:
  // past two minutes once at CI load (3 December 2026).
  test.setTimeout(240_000);
  const truth = await tilesTruth();
  // Not vacuous: the demo has degraded assets, and not every team ties.
  expect(truth.some((t) => t.degraded > 0)).toBe(true);
  expect(new Set(truth.map((t) => `${t.degraded}/${t.warning}/${t.stale}`)).size).toBeGreaterThan(
    1,
  );

  await page.goto("/");
  await expect.poll(() => tileOrder(page)).toEqual(worstFirst(truth));

  for (const t of truth) {
    const tile = page.locator(`[data-testid="team-tile"][data-team="${t.slug}"]`);
    await expect(tile.getByTestId("team-degraded")).toHaveText(String(t.degraded));
    await expect(tile.getByTestId("team-warning")).toHaveText(String(t.warning));
    await expect(tile.getByTestId("team-stale")).toHaveText(String(t.stale));
    await expect(tile.getByTestId("team-failing-locations")).toHaveText(String(t.failing));
    const tone =
      t.degraded || t.failing ? "degraded" : t.warning || t.stale ? "warning" : "healthy";
    await expect(tile).toHaveAttribute("data-tone", tone);

    // The team page counts the same.
    const api = await (await request.get(`/api/v1/teams/${t.slug}`)).json();
    expect(api.kpis.degraded).toBe(t.degraded);
    expect(api.kpis.stale).toBe(t.stale);
    expect(api.assets.filter((a: { health: string }) => a.health === "WARNING")).toHaveLength(
      t.warning,
    );
    await expect(tile.getByTestId("team-asset-count")).toHaveText(String(api.kpis.owned));

    // A non-zero degraded count links to the team's degraded list.
    if (t.degraded > 0) {
      await expect(tile.getByRole("link", { name: /degraded/ })).toHaveAttribute(
        "href",
        new RegExp(`^/teams/${t.slug}\\?.*list=degraded`),
      );
    }
  }
});

test("failing now lists every degraded asset with its team, recommendation_model among them", async ({
  page,
}) => {
  const degraded = new Map<string, TeamSlug>();
  for (const team of TEAMS) {
    for (const id of (await teamTruth(team.slug)).degraded) degraded.set(id, team.slug);
  }
  const recommendation = JSON.stringify(["recommendation_model"]);
  expect(degraded.get(recommendation)).toBe("ml");

  await page.goto("/");
  const rows = page.getByTestId("failing-asset");
  await expect(rows).toHaveCount(degraded.size);
  const shown = await rows.evaluateAll((rs) =>
    rs.map((r) => [r.getAttribute("data-asset"), r.getAttribute("data-team")]),
  );
  expect(new Map(shown as [string, string][])).toEqual(degraded);

  const row = page.locator(`[data-testid="failing-asset"][data-asset='${recommendation}']`);
  await expect(row.getByTestId("failing-asset-team")).toHaveText(NAMES.ml);
  // The cause names the failed step's error, not Dagster's wrapper.
  await expect(row.getByTestId("failing-asset-cause")).not.toHaveText(/^(STEP_FAILURE|degraded)$/);
  await expect(row.getByRole("link", { name: "recommendation_model" })).toHaveAttribute(
    "href",
    `/lineage?focus=${encodeURIComponent(recommendation)}&selected=${encodeURIComponent(recommendation)}`,
  );

  // Widest blast radius first: downstream counts (from Dagster) never increase down the list.
  const downstream = await downstreamCounts();
  const order = shown.map(([id]) => downstream.get(id as string) ?? 0);
  expect(order).toEqual([...order].sort((a, b) => b - a));
});

/** Every asset's number of downstream assets at any depth, from Dagster's own lineage. */
async function downstreamCounts(): Promise<Map<string, number>> {
  const data = await dagsterQuery<{
    assetNodes: { assetKey: { path: string[] }; dependedByKeys: { path: string[] }[] }[];
  }>(`{ assetNodes { assetKey { path } dependedByKeys { path } } }`);
  const id = (p: string[]) => JSON.stringify(p);
  const down = new Map<string, string[]>();
  for (const n of data.assetNodes) {
    const list = down.get(id(n.assetKey.path)) ?? [];
    list.push(...n.dependedByKeys.map((k) => id(k.path)));
    down.set(id(n.assetKey.path), list);
  }
  const counts = new Map<string, number>();
  for (const start of down.keys()) {
    const seen = new Set<string>();
    const stack = [...(down.get(start) ?? [])];
    while (stack.length) {
      const n = stack.pop() as string;
      if (n === start || seen.has(n)) continue;
      seen.add(n);
      stack.push(...(down.get(n) ?? []));
    }
    counts.set(start, seen.size);
  }
  return counts;
}

test("each deployment says how old its data is", async ({ page }) => {
  await page.goto("/");
  const local = page.locator('[data-testid="deployment"][data-deployment="local"]');
  await expect(local.getByTestId("deployment-as-of")).toContainText("data as of");
  const offline = page.locator('[data-testid="deployment"][data-deployment="offline"]');
  await expect(offline.getByTestId("deployment-as-of")).toHaveText("no data yet");
});

test("/favicon.ico is an icon", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\//);
  const body = await res.body();
  // An ICO file starts with reserved 0, type 1 (icon).
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});
