import { expect, test } from "@playwright/test";
import {
  FIRST_HISTORY_POLL,
  FIRST_HISTORY_TEST_TIMEOUT_MS,
  ownHealthboard,
} from "./support/own-healthboard";
import { hopLatencies } from "./support/perf-truth";

test.describe.configure({ timeout: FIRST_HISTORY_TEST_TIMEOUT_MS });

// Per-hop latency of the demo's analytics → ML → finance chain equals the
// difference of materialization timestamps the test reads from Dagster's
// event records (paired by the data versions Dagster recorded).

const PORT = 3151;
const HOPS: [string[], string[]][] = [
  [["customer_order_summary"], ["customer_features"]], // analytics → ML
  [["customer_features"], ["churn_model"]], // inside ML
  [["churn_model"], ["revenue_forecast"]], // ML → finance
];

interface Chain {
  assets: { id: string; key: string[]; location: string | null }[];
  hops: { from: string; to: string; samples: number; p50Ms: number | null; p95Ms: number | null }[];
  endToEnd: { samples: number };
}
interface Model {
  window: { since: number; until: number };
  performance: { latency: { chains: Chain[] } };
}

const base = ownHealthboard(PORT);

const name = (key: string[]) => key.join("/");
const nearestRank = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] : null;

test("per-hop latency of analytics → ML → finance equals Dagster's materialization times", async ({
  page,
}) => {
  let chain: Chain | undefined;
  let model: Model | undefined;
  await expect
    .poll(async () => {
      const res = await fetch(`${base()}/api/v1/teams/ml?range=7d`);
      model = (await res.json()) as Model;
      chain = model.performance?.latency.chains.find((c) =>
        HOPS.every(([up, down]) => {
          const i = c.assets.findIndex((a) => name(a.key) === name(up));
          return i >= 0 && name(c.assets[i + 1]?.key ?? []) === name(down);
        }),
      );
      return chain !== undefined;
    }, FIRST_HISTORY_POLL)
    .toBe(true);
  if (!chain || !model) throw new Error("no chain");
  // It crosses three code locations.
  expect(new Set(chain.assets.map((a) => a.location)).size).toBeGreaterThanOrEqual(3);
  for (const [up, down] of HOPS) {
    const truth = await hopLatencies(up, down, model.window.since, model.window.until);
    expect(truth.length, `${name(up)} → ${name(down)} has samples in Dagster`).toBeGreaterThan(0);
    const hop = chain.hops.find(
      (h) =>
        chain?.assets.find((a) => a.id === h.from)?.key.join("/") === name(up) &&
        chain?.assets.find((a) => a.id === h.to)?.key.join("/") === name(down),
    );
    expect(hop?.samples).toBe(truth.length);
    expect(hop?.p50Ms).toBe(nearestRank(truth, 50));
    expect(hop?.p95Ms).toBe(nearestRank(truth, 95));
  }

  // The team page shows the chain with the same per-hop figures.
  await page.goto(`${base()}/teams/ml?range=7d`);
  const hop = page
    .getByTestId("latency-hop")
    .and(page.locator('[data-from="customer_order_summary"][data-to="customer_features"]'))
    .first();
  const truth = await hopLatencies(
    ["customer_order_summary"],
    ["customer_features"],
    model.window.since,
    model.window.until,
  );
  await expect(hop).toHaveAttribute("data-p50-ms", String(nearestRank(truth, 50)));
});
