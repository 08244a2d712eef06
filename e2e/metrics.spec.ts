import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { setBroken, workspaceTruth } from "./support/dagster";
import { type PrometheusServer, startPrometheus } from "./support/prometheus-server";
import { spawnHealthboard, stopHealthboard } from "./support/spawn-healthboard";
import { TEAMS, teamTruth } from "./support/team-truth";

// A real Prometheus scrapes a Healthboard's /metrics (with the scrape token
// the config asks for) every second; the tests ask it over its HTTP API and
// compare with the team page and with Dagster's own answers.
// Ports: this helper's range, 3140 (Healthboard) and 3141 (Prometheus).

const HB_PORT = Number(process.env.E2E_METRICS_PORT ?? 3140);
const PROM_PORT = Number(process.env.E2E_METRICS_PROMETHEUS_PORT ?? 3141);
const TOKEN = "hb-e2e-metrics-scrape-5e2b";

let dir = "";
let hb: Awaited<ReturnType<typeof spawnHealthboard>> | undefined;
let prom: PrometheusServer | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "hb-metrics-e2e-"));
  const config = path.join(dir, "healthboard.yaml");
  writeFileSync(
    config,
    `${readFileSync("e2e/healthboard.e2e.yaml", "utf8")}
metrics:
  tokenEnv: E2E_METRICS_TOKEN
  freshnessLag: [{ key: customer_order_summary }]
`,
  );
  hb = await spawnHealthboard(HB_PORT, {
    HEALTHBOARD_CONFIG: config,
    HEALTHBOARD_DATA_DIR: path.join(dir, "data"),
    E2E_METRICS_TOKEN: TOKEN,
  });
  prom = await startPrometheus({
    port: PROM_PORT,
    target: `127.0.0.1:${HB_PORT}`,
    bearerToken: TOKEN,
  });
});

test.afterAll(async () => {
  prom?.stop();
  stopHealthboard(hb?.child);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const scrape = (headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${HB_PORT}/metrics`, { headers });

test("/metrics asks for the scrape token and passes promtool check metrics", async () => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape({ authorization: "Bearer wrong-token" })).status).toBe(401);
  const res = await scrape({ authorization: `Bearer ${TOKEN}` });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  expect(text).toContain("healthboard_team_assets{");
  // promtool exits non-zero on a format error or a naming lint (and prints it).
  const out = execFileSync("/usr/bin/promtool", ["check", "metrics"], {
    input: text,
    encoding: "utf8",
  });
  expect(out.trim()).toBe("");
});

/** The one value PromQL returns for `promql` (summed), once Prometheus has scraped. */
async function promValue(promql: string): Promise<number | null> {
  const result = await prom?.query(promql);
  return result && result.length > 0 ? (result[0]?.value ?? null) : null;
}

for (const { slug } of TEAMS) {
  test(`PromQL gives the ${slug} team's degraded and stale counts as its page and Dagster do`, async ({
    page,
  }) => {
    // Dagster's answers alone took minutes on the shared machine under load (60 s a query).
    test.setTimeout(300_000);
    const truth = await teamTruth(slug);
    await page.goto(`http://127.0.0.1:${HB_PORT}/teams/${slug}?range=7d`);
    await expect(page.getByTestId("kpi-degraded")).toHaveText(String(truth.degraded.length));
    await expect(page.getByTestId("kpi-stale")).toHaveText(String(truth.stale.length));
    await expect
      .poll(() => promValue(`sum(healthboard_team_assets{team="${slug}",health="degraded"})`), {
        timeout: 30_000,
      })
      .toBe(truth.degraded.length);
    expect(await promValue(`sum(healthboard_team_stale_assets{team="${slug}"})`)).toBe(
      truth.stale.length,
    );
    expect(await promValue(`sum(healthboard_team_assets{team="${slug}"})`)).toBe(
      truth.assets.length,
    );
    // A 7-day window moves with the clock: the page and Prometheus's last scrape
    // can straddle a seeded run leaving it (CI, 14:25: page 0, Prometheus 1). Both
    // are read again until they agree, at a time when both count the same window.
    await expect
      .poll(
        async () => {
          await page.reload();
          const shown = Number(await page.getByTestId("kpi-failures").textContent());
          const scraped = await promValue(
            `sum(healthboard_team_failed_runs{team="${slug}",window="7d"})`,
          );
          return scraped === shown ? "agree" : `page ${shown}, Prometheus ${scraped}`;
        },
        { timeout: 60_000, intervals: [5_000] },
      )
      .toBe("agree");
  });
}

test("Healthboard's own counters and the opted-in dependency lag reach Prometheus", async () => {
  await expect
    .poll(() => promValue(`sum(healthboard_upstream_requests_total{deployment="local"})`), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  // The offline deployment answers nothing: every attempt is an error.
  await expect
    .poll(() => promValue(`sum(healthboard_upstream_errors_total{deployment="offline"})`))
    .toBeGreaterThan(0);
  const lag = await prom?.query(
    `healthboard_dependency_freshness_lag_seconds{asset="customer_order_summary"}`,
  );
  expect(lag?.length).toBeGreaterThan(0);
  for (const series of lag ?? []) {
    expect(series.metric.producer_team).toBe("analytics");
    expect(series.value).toBeGreaterThanOrEqual(0);
  }
});

test("breaking ml-platform moves its load-state metric, and fixing it moves it back", async () => {
  test.setTimeout(300_000);
  const state = (s: string) =>
    promValue(`healthboard_location_load_state{team="ml",location="ml-platform",state="${s}"}`);
  await expect.poll(() => state("loaded"), { timeout: 30_000 }).toBe(1);
  try {
    await setBroken("ml-platform", true);
    await expect.poll(() => state("failed"), { timeout: 120_000 }).toBe(1);
    expect(await state("loaded")).toBe(0);
    // Dagster itself says so too.
    const broken = (await workspaceTruth()).find((l) => l.name === "ml-platform");
    expect(broken?.failed).toBe(true);
  } finally {
    await setBroken("ml-platform", false);
  }
  await expect.poll(() => state("loaded"), { timeout: 120_000 }).toBe(1);
});
