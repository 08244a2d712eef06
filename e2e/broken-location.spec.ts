import { type APIRequestContext, expect, test } from "@playwright/test";
import { setBroken, workspaceTruth } from "./support/dagster";
import { teamTruth } from "./support/team-truth";

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
  }).toPass({ timeout: 60_000 });
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

interface GraphJson {
  keys: string[][];
  group: number[];
  groups: [number, string][];
  locations: [number, string][];
  down: number[];
}
interface AssetJson {
  key: string[];
  location: string;
  locationDown: string | null;
}

/** Per node key: [location, group] and whether the payload flags it down. */
async function graphOf(request: APIRequestContext) {
  const g = (await (await request.get("/api/v1/graph")).json()) as GraphJson;
  const down = new Set(g.down);
  return new Map(
    g.keys.map((k, i) => {
      const [loc, name] = g.groups[g.group[i] as number] ?? [-1, ""];
      return [
        JSON.stringify(k),
        { place: [g.locations[loc]?.[1] ?? null, name], down: down.has(i) },
      ] as const;
    }),
  );
}

/** Each asset's mark, in the order of `keys` (undefined for a key missing). */
function marks(keys: string[], assets: AssetJson[]): (string | null | undefined)[] {
  const byKey = new Map(assets.map((a) => [JSON.stringify(a.key), a.locationDown]));
  return keys.map((k) => byKey.get(k));
}

async function mlAssets(request: APIRequestContext): Promise<AssetJson[]> {
  return (await (await request.get("/api/v1/assets?team=ml")).json()).assets;
}

test("a broken ml-platform keeps its last known assets, marked, on the team page, the API and the lineage", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  // Ground truth while it loads: the ML team's assets as Dagster defines them.
  const truth = await teamTruth("ml");
  const mlKeys = [...truth.assets].sort();
  const platformKeys = (await workspaceTruth())
    .filter((l) => l.name === "ml-platform")
    .flatMap((l) => l.assets.map((a) => JSON.stringify(a.path)));
  // The team's assets in ml-platform go down with it; any elsewhere stay up.
  const downKeys = mlKeys.filter((k) => platformKeys.includes(k));
  expect(downKeys.length).toBeGreaterThan(0);
  const expectedMarks = mlKeys.map((k) => (downKeys.includes(k) ? "location-failed" : null));
  await expect
    .poll(async () => (await mlAssets(request)).map((a) => JSON.stringify(a.key)).sort())
    .toEqual(mlKeys);
  const before = await graphOf(request);

  await setBroken("ml-platform", true);
  await expect
    .poll(async () => (await workspaceTruth()).find((l) => l.name === "ml-platform")?.failed, {
      timeout: 30_000,
    })
    .toBe(true);
  const brokenAt = Date.now();

  // The API: the same assets, each marked as shown from a location that is down.
  await expect
    .poll(async () => marks(mlKeys, await mlAssets(request)), { timeout: 30_000 })
    .toEqual(expectedMarks);
  expect((await mlAssets(request)).map((a) => JSON.stringify(a.key)).sort()).toEqual(mlKeys);
  const team = await (await request.get("/api/v1/teams/ml")).json();
  expect(team.kpis.owned).toBe(mlKeys.length);
  expect(team.locationProblems).toHaveLength(1);
  expect(team.locationProblems[0]).toMatchObject({
    deployment: "local",
    location: "ml-platform",
    kind: "location-failed",
  });
  expect(team.locationProblems[0].assetCount).toBeGreaterThanOrEqual(downKeys.length);
  expect(team.locationProblems[0].error.message).toContain("broken on purpose");
  // First seen failing after the break, within the polling delay.
  expect(team.locationProblems[0].since).toBeGreaterThan(brokenAt - 30_000);
  expect(team.locationProblems[0].since).toBeLessThanOrEqual(Date.now());

  // The team page opens with the banner, and still lists every asset, marked.
  await page.goto("/teams/ml");
  const banner = page.getByTestId("location-down-banner");
  await expect(banner).toBeVisible();
  const problem = banner.locator('[data-testid="location-down"][data-location="ml-platform"]');
  await expect(problem).toContainText("ml-platform");
  await expect(problem).toContainText("since");
  await expect(problem.getByTestId("location-down-error")).toContainText("broken on purpose");
  const bannerBox = await banner.boundingBox();
  const tableBox = await page.getByTestId("asset-table").boundingBox();
  expect(bannerBox?.y).toBeLessThan(tableBox?.y ?? 0);
  const rows = page.getByTestId("asset-table").locator("tbody tr");
  await expect(rows).toHaveCount(mlKeys.length);
  await expect(page.locator('tr[data-location-down="location-failed"]')).toHaveCount(mlKeys.length);
  await expect(
    page.locator(`tr[data-asset='${downKeys[0]}']`).getByTestId("asset-location-down"),
  ).toHaveText("location down");

  // The lineage: every ML node keeps its place and group, flagged down; no one else's is.
  const during = await graphOf(request);
  expect([...during.keys()].sort()).toEqual([...before.keys()].sort());
  for (const key of downKeys) {
    expect(during.get(key)?.place, key).toEqual(before.get(key)?.place);
    expect(during.get(key)?.down, key).toBe(true);
  }
  const flagged = [...during].filter(([, n]) => n.down).map(([k]) => k);
  expect(flagged.filter((k) => !platformKeys.includes(k))).toEqual([]);

  // Fixed: everything recovers, the open page without a reload.
  await setBroken("ml-platform", false);
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator("tr[data-location-down]")).toHaveCount(0);
  await expect(rows).toHaveCount(mlKeys.length);
  expect(marks(mlKeys, await mlAssets(request))).toEqual(mlKeys.map(() => null));
  expect((await graphOf(request)).size).toBe(before.size);
  await expect
    .poll(async () => [...(await graphOf(request)).values()].some((n) => n.down))
    .toBe(false);
});
