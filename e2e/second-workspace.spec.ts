import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectedTeamMessage } from "./support/badge-truth";
import { dagsterQueryAt } from "./support/dagster";
import {
  DEPLOYMENTS,
  SECOND_TEAMS,
  type SecondAsset,
  secondAssetsTruth,
} from "./support/second-truth";
import { failedRunsIn, type TruthRun, teamFailedRuns } from "./support/team-runs-truth";

// The second workspace (demo/second/) beside the demo, on the Healthboard of
// e2e/healthboard.second.yaml: every figure against ground truth computed from
// both Dagsters' GraphQL APIs (e2e/support/second-truth.ts), never from
// Healthboard's own modules.

const SECOND_URL = `http://127.0.0.1:${process.env.E2E_SECOND_PORT ?? 3124}`;
test.use({ baseURL: SECOND_URL });

const DAY = 86_400_000;
const SHARED_TEAMS = ["search", "growth"] as const;
// The demo's teams too: the same truth must hold for them beside a second deployment.
const ALL_TEAMS = SECOND_TEAMS.map((t) => t.slug);
const SECOND_DAGSTER = DEPLOYMENTS[1].url;

interface Truth {
  assets: SecondAsset[];
  runs: TruthRun[];
}

/** Both deployments now; failed runs in the window of `days` days ending now. */
async function truthNow(days = 7): Promise<Truth> {
  const now = Date.now();
  return { assets: await secondAssetsTruth(), runs: await failedRunsIn(now - days * DAY, now) };
}

function teamKpis(truth: Truth, team: string) {
  const mine = truth.assets.filter((a) => a.team === team);
  return {
    owned: mine.length,
    degraded: mine.filter((a) => a.overall === "DEGRADED").length,
    stale: mine.filter((a) => a.freshness === "WARNING" || a.freshness === "DEGRADED").length,
    failures: teamFailedRuns(team, truth.runs, truth.assets).length,
  };
}

const rowKey = (deployment: string, location: string, path: readonly string[]) =>
  `${deployment}|${location}|${path.join("/")}`;

function truthRows(truth: Truth, team: string): Record<string, string> {
  return Object.fromEntries(
    truth.assets
      .filter((a) => a.team === team)
      .map((a) => [rowKey(a.deployment, a.location, a.path), a.overall]),
  );
}

/** The team page's asset rows as location|key → the health shown (deployment from the location). */
async function pageRows(page: Page, truth: Truth): Promise<Record<string, string>> {
  const rows = await page
    .getByTestId("asset-table")
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll("td");
        return {
          // The key as shown, without the screen-reader-only " (opens in Dagster)".
          key: [...(cells[0]?.querySelectorAll("a") ?? [])]
            .flatMap((a) => [...a.childNodes])
            .filter((n) => !(n instanceof Element && n.classList.contains("sr-only")))
            .map((n) => n.textContent)
            .join("")
            .split(" / ")
            .join("/"),
          location: cells[1]?.textContent ?? "",
          health: tr.querySelector("[data-health]")?.getAttribute("data-health") ?? "",
        };
      }),
    );
  const deploymentOf = (location: string) =>
    truth.assets.find((a) => a.location === location)?.deployment ?? "?";
  return Object.fromEntries(
    rows.map((r) => [`${deploymentOf(r.location)}|${r.location}|${r.key}`, r.health]),
  );
}

test.describe.configure({ timeout: 120_000 });

test("the second workspace has the shape this suite exists for", async () => {
  const truth = await truthNow();
  const find = (deployment: string, key: string) =>
    truth.assets.find((a) => a.deployment === deployment && a.path.join("/") === key);
  // Two teams in one location, told apart by owner.
  const shared = truth.assets.filter((a) => a.location === "shared-platform");
  expect(new Set(shared.map((a) => a.team))).toEqual(new Set(SHARED_TEAMS));
  // The external spec of customer_order_summary owns nothing and is no asset of `second`.
  expect(find("second", "customer_order_summary")).toBeUndefined();
  // raw_orders: one definition per deployment, each with its own owner.
  expect(find("local", "raw_orders")?.team).toBe("analytics");
  expect(find("second", "raw_orders")?.team).toBe("growth");
  // The observable source asset was observed; Dagster's rules call it HEALTHY.
  expect(find("second", "search_clickstream")?.materialization).toBe("HEALTHY");
  // The check's newest execution is SKIPPED, the one before FAILED: still DEGRADED.
  const executions = await dagsterQueryAt<{ assetCheckExecutions: { status: string }[] }>(
    SECOND_DAGSTER,
    `{ assetCheckExecutions(assetKey: { path: ["search_index"] }, checkName: "synonyms_resolve", limit: 2) { status } }`,
  );
  expect(executions.assetCheckExecutions.map((e) => e.status)).toEqual(["SKIPPED", "FAILED"]);
  expect(find("second", "search_index")?.materialization).toBe("HEALTHY");
  expect(find("second", "search_index")?.overall).toBe("DEGRADED");
  // A check planned in a run whose asset step failed: EXECUTION_FAILED, not SKIPPED.
  const unreached = await dagsterQueryAt<{ assetCheckExecutions: { status: string }[] }>(
    SECOND_DAGSTER,
    `{ assetCheckExecutions(assetKey: { path: ["growth_attribution"] }, checkName: "attribution_complete", limit: 1) { status } }`,
  );
  expect(unreached.assetCheckExecutions.map((e) => e.status)).toEqual(["EXECUTION_FAILED"]);
  // The failing run was launched from a job: no asset selection, attributed to growth only.
  const failing = truth.runs.filter((r) => r.deployment === "second");
  expect(failing.map((r) => [r.jobName, r.assetSelection])).toEqual([["growth_daily", null]]);
  expect(teamFailedRuns("growth", failing, truth.assets)).toHaveLength(1);
  expect(teamFailedRuns("search", failing, truth.assets)).toHaveLength(0);
});

/** The team page as shown: the four KPIs, the failures total and each row's health. */
async function teamPageShown(page: Page, truth: Truth, team: string) {
  await page.goto(`/teams/${team}?range=7d`);
  const text = async (id: string) => Number(await page.getByTestId(id).textContent());
  return {
    owned: await text("kpi-owned"),
    degraded: await text("kpi-degraded"),
    stale: await text("kpi-stale"),
    failures: await text("kpi-failures"),
    failuresTotal: await text("failures-total"),
    rows: await pageRows(page, truth),
  };
}

/** The team API's answer, in the same terms as the truth. */
async function teamApiShown(request: APIRequestContext, team: string, range: string) {
  const res = await request.get(`/api/v1/teams/${team}?range=${range}`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  const assets = body.assets as {
    deployment: string;
    location: string;
    key: string[];
    health: string;
  }[];
  return {
    owned: body.kpis.owned,
    degraded: body.kpis.degraded,
    stale: body.kpis.stale,
    failures: body.kpis.failures,
    rows: Object.fromEntries(
      assets.map((a) => [rowKey(a.deployment, a.location, a.key), a.health]),
    ),
    failedRunIds: (body.failures.recent as { runId: string }[]).map((r) => r.runId).sort(),
  };
}

for (const team of ALL_TEAMS) {
  // Whole objects are compared, so a failure shows every figure that differs at once.
  test(`the ${team} team page agrees with Dagster`, async ({ page }) => {
    await expect(async () => {
      const truth = await truthNow();
      const k = teamKpis(truth, team);
      expect(await teamPageShown(page, truth, team)).toEqual({
        ...k,
        failuresTotal: k.failures,
        rows: truthRows(truth, team),
      });
    }).toPass({ timeout: 60_000 });
  });

  test(`the ${team} team API agrees with Dagster over 24h, 7d and 30d`, async ({ request }) => {
    await expect(async () => {
      for (const [range, days] of [
        ["24h", 1],
        ["7d", 7],
        ["30d", 30],
      ] as const) {
        const truth = await truthNow(days);
        expect({ range, ...(await teamApiShown(request, team, range)) }).toEqual({
          range,
          ...teamKpis(truth, team),
          rows: truthRows(truth, team),
          // The whole list: no team has more failed runs here than the API lists.
          failedRunIds: teamFailedRuns(team, truth.runs, truth.assets)
            .map((r) => r.runId)
            .sort(),
        });
      }
    }).toPass({ timeout: 60_000 });
  });
}

test("team badges and overview tiles count what team pages count", async ({ page, request }) => {
  await expect(async () => {
    const truth = await truthNow();
    const badges: Record<string, string | undefined> = {};
    for (const team of ALL_TEAMS) {
      const svg = await (await request.get(`/badge/team/${team}.svg`)).text();
      badges[team] = /<title>[^<]*: ([^<]*)<\/title>/.exec(svg)?.[1];
    }
    await page.goto("/");
    const tiles: Record<string, number> = {};
    for (const team of ALL_TEAMS) {
      const tile = page.locator(`[data-testid="team-tile"][data-team="${team}"]`);
      tiles[team] = Number(await tile.getByTestId("team-asset-count").textContent());
    }
    expect({ badges, tiles }).toEqual({
      badges: Object.fromEntries(ALL_TEAMS.map((t) => [t, expectedTeamMessage(truth.assets, t)])),
      tiles: Object.fromEntries(ALL_TEAMS.map((t) => [t, teamKpis(truth, t).owned])),
    });
  }).toPass({ timeout: 60_000 });
});

test("the asset states this workspace was built for show as Dagster rules them", async ({
  request,
}) => {
  const truth = await truthNow();
  const growthRun = teamFailedRuns("growth", truth.runs, truth.assets)[0];
  expect(growthRun).toBeDefined();
  await expect(async () => {
    const search = await (await request.get("/api/v1/teams/search?range=7d")).json();
    const growth = await (await request.get("/api/v1/teams/growth?range=7d")).json();
    const analytics = await (await request.get("/api/v1/teams/analytics?range=7d")).json();
    type Row = { deployment: string; key: string[]; health: string };
    const row = (body: { assets: Row[] }, deployment: string, key: string) =>
      body.assets.find((a) => a.deployment === deployment && a.key.join("/") === key);
    const runIds = (body: { failures: { recent: { runId: string }[] } }) =>
      body.failures.recent.map((r) => r.runId);
    expect({
      // The observed source asset is not UNKNOWN.
      clickstream: row(search, "second", "search_clickstream")?.health,
      // A check skipped after it failed still fails: the asset is DEGRADED.
      searchIndex: row(search, "second", "search_index")?.health,
      // The job-launched failing run is growth's, not search's.
      runInGrowth: runIds(growth).includes(growthRun?.runId ?? ""),
      runInSearch: runIds(search).includes(growthRun?.runId ?? ""),
      // raw_orders once per deployment, each with its own owner.
      rawOrdersGrowth: [
        !!row(growth, "second", "raw_orders"),
        !!row(growth, "local", "raw_orders"),
      ],
      rawOrdersAnalytics: [
        !!row(analytics, "local", "raw_orders"),
        !!row(analytics, "second", "raw_orders"),
      ],
    }).toEqual({
      clickstream: "HEALTHY",
      searchIndex: "DEGRADED",
      runInGrowth: true,
      runInSearch: false,
      rawOrdersGrowth: [true, false],
      rawOrdersAnalytics: [true, false],
    });
  }).toPass({ timeout: 60_000 });
});

test("an external AssetSpec never colours an asset badge: the key's owner decides it", async ({
  request,
}) => {
  // customer_order_summary is defined in the demo (local) and only declared by an
  // AssetSpec in the second workspace; the spec has no health of its own.
  const truth = await truthNow();
  const owner = truth.assets.find(
    (a) => a.deployment === "local" && a.path.join("/") === "customer_order_summary",
  );
  expect(owner).toBeDefined();
  const message = async (url: string) => {
    const res = await request.get(url);
    const texts = [...(await res.text()).matchAll(/<text[^>]*y="14"[^>]*>([^<]*)<\/text>/g)];
    return { status: res.status(), word: texts.at(-1)?.[1]?.split(/[ ·]/)[0] };
  };
  await expect(async () => {
    expect({
      any: await message("/badge/asset/customer_order_summary.svg"),
      second: (await message("/badge/asset/customer_order_summary.svg?deployment=second")).status,
    }).toEqual({
      any: { status: 200, word: owner?.overall.toLowerCase() },
      second: 404,
    });
  }).toPass({ timeout: 60_000 });
});
