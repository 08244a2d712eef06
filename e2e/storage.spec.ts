import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  FIRST_HISTORY_POLL,
  FIRST_HISTORY_TEST_TIMEOUT_MS,
  ownHealthboard,
} from "./support/own-healthboard";
import { type AssetSizes, recordedAt, recordedSizes } from "./support/storage-truth";

test.describe.configure({ timeout: FIRST_HISTORY_TEST_TIMEOUT_MS });

// The Storage panel's per-asset sizes, per-location trend, quota use and CSV
// equal the sizes Dagster recorded on the demo's materializations (the demo's
// assets record the real size of what they write to the shared storage), read
// independently from Dagster's GraphQL API. The Dagster is the Playwright
// metadata's (the suite's seeded :3071; a helper's own one via E2E_DAGSTER_URL):
// this spec's Healthboard reads e2e/healthboard.e2e.yaml pointed at it.

const PORT = 3152;
const TEAM = "analytics";
const LOCATION = "analytics-team";
const QUOTA = "shared-storage";

interface Point {
  at: number;
  location: string;
  bytes: number;
  rows: number;
}
interface Model {
  window: { since: number; until: number };
  performance: {
    storage: {
      trend: Point[];
      locations: { location: string; bytes: number; rows: number; assets: number }[];
      fastestGrowing: {
        key: string[];
        location: string;
        bytes: number | null;
        rows: number | null;
      }[];
      quotas: {
        name: string;
        usedBytes: number;
        quotaBytes: number;
        forecast: { kind: string; at?: number };
      }[];
      measuredAssets: number;
    };
  };
}

let dagsterUrl = "";
let configDir = "";
const base = ownHealthboard(PORT, () => {
  dagsterUrl = String(test.info().config.metadata.dagsterUrl).replace(/\/$/, "");
  configDir = mkdtempSync(path.join(tmpdir(), `hb-${PORT}-config-`));
  const config = path.join(configDir, "healthboard.storage.yaml");
  writeFileSync(
    config,
    readFileSync("e2e/healthboard.e2e.yaml", "utf8").replaceAll(
      "http://127.0.0.1:3071",
      dagsterUrl,
    ),
  );
  return { HEALTHBOARD_CONFIG: config };
});
test.afterAll(() => {
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

/** Summed recorded sizes of some assets at a time (assets with none recorded yet add nothing). */
function sumAt(assets: AssetSizes[], at: number, field: "bytes" | "rows"): number {
  return assets.reduce((sum, a) => sum + (recordedAt(a, at, field) ?? 0), 0);
}

async function teamModel(): Promise<{ model: Model; truth: AssetSizes[] }> {
  const truth = await recordedSizes(dagsterUrl);
  const sized = truth.filter((a) => a.location === LOCATION && a.events.some((e) => e.bytes));
  let model: Model | undefined;
  // The collector loads the materialization history in the background: wait until it holds every sized asset.
  await expect
    .poll(async () => {
      model = (await (await fetch(`${base()}/api/v1/teams/${TEAM}?range=7d`)).json()) as Model;
      return model.performance?.storage.measuredAssets ?? 0;
    }, FIRST_HISTORY_POLL)
    .toBeGreaterThanOrEqual(sized.length);
  if (!model) throw new Error("no team model");
  return { model, truth };
}

test("the storage trend, per-asset sizes and quota equal the metadata Dagster recorded", async () => {
  const { model, truth } = await teamModel();
  const { storage } = model.performance;
  const own = truth.filter((a) => a.location === LOCATION);
  expect(
    own.filter((a) => a.events.some((e) => e.bytes)).length,
    "the demo records sizes",
  ).toBeGreaterThan(5);

  // The trend: at each read time, the location's summed latest recorded bytes and rows.
  const trend = storage.trend.filter((p) => p.location === LOCATION);
  expect(trend.length).toBeGreaterThanOrEqual(7);
  for (const p of trend) {
    expect(p.at).toBeGreaterThanOrEqual(model.window.since);
    expect(p.at).toBeLessThan(model.window.until);
    expect(p.bytes, `bytes at ${new Date(p.at).toISOString()}`).toBe(sumAt(own, p.at, "bytes"));
    expect(p.rows, `rows at ${new Date(p.at).toISOString()}`).toBe(sumAt(own, p.at, "rows"));
  }
  // The demo's tables grow by day, so the trend does too.
  expect(trend.at(-1)?.bytes ?? 0).toBeGreaterThan(trend[0]?.bytes ?? 0);
  const last = trend.at(-1)?.at ?? model.window.until;
  expect(storage.locations.find((l) => l.location === LOCATION)?.bytes).toBe(
    sumAt(own, last, "bytes"),
  );

  // Per asset: the fastest-growing rows carry each asset's latest recorded size.
  expect(storage.fastestGrowing.length).toBeGreaterThan(0);
  for (const row of storage.fastestGrowing) {
    const asset = truth.find((a) => a.key === row.key.join("/"));
    if (!asset) throw new Error(`${row.key.join("/")} is not in Dagster`);
    expect(row.bytes, row.key.join("/")).toBe(recordedAt(asset, last, "bytes"));
    expect(row.rows, row.key.join("/")).toBe(recordedAt(asset, last, "rows"));
  }

  // The quota covers every location of the deployment; its use is their summed sizes; it is not full yet.
  const quota = storage.quotas.find((q) => q.name === QUOTA);
  expect(quota?.usedBytes).toBe(sumAt(truth, last, "bytes"));
  expect(quota?.forecast.kind).toBe("reaches");
  expect(quota?.forecast.at ?? 0).toBeGreaterThan(model.window.until);
});

test("the Storage panel shows those sizes and the forecast, and its CSV holds the trend", async ({
  page,
}) => {
  const { model, truth } = await teamModel();
  const own = truth.filter((a) => a.location === LOCATION);
  await page.goto(`${base()}/teams/${TEAM}?range=7d`);
  const panel = page.getByTestId("panel-storage");
  const last = model.performance.storage.trend.filter((p) => p.location === LOCATION).at(-1)?.at;
  if (last === undefined) throw new Error("no trend");
  await expect(panel.locator(`[data-location="${LOCATION}"]`)).toHaveAttribute(
    "data-bytes",
    String(sumAt(own, last, "bytes")),
  );
  const rows = panel.getByTestId("storage-fastest").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    const key = (await row.getAttribute("data-asset")) ?? "";
    const asset = truth.find((a) => a.key === key);
    if (!asset) throw new Error(`${key} is not in Dagster`);
    await expect(row).toHaveAttribute("data-bytes", String(recordedAt(asset, last, "bytes")));
  }
  const forecastAt = model.performance.storage.quotas.find((q) => q.name === QUOTA)?.forecast.at;
  if (forecastAt === undefined) throw new Error("no forecast");
  // The page's window is a moment later than the model's: its fitted date may move by a day.
  const quota = panel.locator(`[data-quota="${QUOTA}"]`);
  await expect(quota).toContainText(/full around \d{4}-\d{2}-\d{2}/);
  const shown = Date.parse(
    /full around (\d{4}-\d{2}-\d{2})/.exec((await quota.textContent()) ?? "")?.[1] ?? "",
  );
  expect(Math.abs(shown - forecastAt)).toBeLessThan(2 * 86_400_000);

  const download = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${TEAM}-storage.csv`);
  const lines = readFileSync(await file.path(), "utf8")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe("read_at_utc,location,bytes,rows,source");
  const ownRows = lines.slice(1).filter((l) => l.split(",")[1] === LOCATION);
  expect(ownRows.length).toBeGreaterThanOrEqual(7);
  for (const line of ownRows) {
    const [readAt, , bytes, rowCount] = line.split(",");
    const at = Date.parse(readAt ?? "");
    expect(Number(bytes), `CSV bytes at ${readAt}`).toBe(sumAt(own, at, "bytes"));
    expect(Number(rowCount), `CSV rows at ${readAt}`).toBe(sumAt(own, at, "rows"));
  }
});
