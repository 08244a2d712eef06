import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import type { AssetDefinition } from "@/lib/domain/types";
import { dagsterClient } from "@/lib/testing/dagster-graphql";
import type { AssetStatusSource } from "./asset-status-collector";
import {
  dagsterAssetStatusSource,
  dagsterChangedRunsSource,
  dagsterLocationSource,
  dagsterMaterializationSource,
  dagsterRunSource,
} from "./dagster-sources";
import { DeploymentCollector } from "./deployment-collector";

// Exactness of the incremental refresh against a real Dagster of its own
// (scripts/incremental-dagster.sh starts and seeds it; this test launches runs
// and reloads locations there, so it never touches the shared e2e Dagster).
// A seeded random sequence of materializations, failing runs, check-only runs
// and reloads; after every step the incrementally maintained statuses and
// histories must equal those a full sweep reads at the same moment.

const DAGSTER = process.env.INCREMENTAL_DAGSTER_URL;
const SWITCHES = path.join(
  process.env.INCREMENTAL_DAGSTER_HOME ?? path.resolve(".dagster-home-inc"),
  "switches",
);
// Ten steps when run by hand; the test command (scripts/incremental-test.sh)
// asks for three, which covers every kind of step once within its time budget.
const STEPS = Number(process.env.INCREMENTAL_STEPS ?? 10);
const SEED = Number(process.env.INCREMENTAL_SEED ?? Date.now() % 100_000);

const dagster = dagsterClient(DAGSTER ?? "");

const LAUNCH = `mutation L($p: ExecutionParams!) { launchRun(executionParams: $p) {
  __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }`;

/** Launches a run and waits until Dagster reports it finished. */
async function launch(selector: Record<string, unknown>): Promise<void> {
  const data = await dagster<{ launchRun: { __typename: string; run?: { runId: string } } }>(
    LAUNCH,
    { p: { selector: { repositoryName: "__repository__", ...selector }, runConfigData: {} } },
  );
  const id = data.launchRun.run?.runId;
  if (!id) throw new Error(`launch failed: ${JSON.stringify(data.launchRun)}`);
  for (let i = 0; i < 240; i++) {
    const s = await dagster<{ runOrError: { status: string } }>(
      "query S($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }",
      { id },
    );
    if (["SUCCESS", "FAILURE", "CANCELED"].includes(s.runOrError.status)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`run ${id} did not finish`);
}

// Unpartitioned assets per location, in dependency order (demo/*/definitions.py).
const ASSETS: Record<string, string[][]> = {
  "analytics-team": [
    ["raw_orders"],
    ["raw_customers"],
    ["raw_products"],
    ["cleaned_orders"],
    ["cleaned_customers"],
    ["customer_order_summary"],
    ["product_performance"],
  ],
  "ml-platform": [
    ["customer_features"],
    ["ml", "product_embeddings"],
    ["churn_model"],
    ["recommendation_model"], // fails on purpose
  ],
  "finance-reporting": [["revenue_forecast"], ["monthly_revenue_report"]],
};
const JOBS: Record<string, string> = {
  "analytics-team": "analytics_daily",
  "ml-platform": "ml_training",
  "finance-reporting": "finance_monthly",
};
const CHECKS: [string, string[], string][] = [
  ["analytics-team", ["customer_order_summary"], "customer_ids_not_null"],
  ["analytics-team", ["product_performance"], "revenue_positive"],
  ["ml-platform", ["churn_model"], "auc_above_threshold"],
  ["finance-reporting", ["monthly_revenue_report"], "totals_reconcile"],
];

/** A small seeded generator (mulberry32), so a failing sequence can be replayed with INCREMENTAL_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Counts the asset keys a collector asks Dagster about. */
function counted(source: AssetStatusSource) {
  const counter = { keys: 0 };
  const wrapped: AssetStatusSource = {
    fetchStatuses(batch: readonly AssetDefinition[]) {
      counter.keys += batch.length;
      return source.fetchStatuses(batch);
    },
  };
  return { counter, wrapped };
}

function collector(incremental: boolean, statuses: AssetStatusSource) {
  const target = {
    deployment: "local",
    kind: "oss" as const,
    graphqlUrl: `${DAGSTER}/graphql`,
    timeoutMs: 30_000,
  };
  return new DeploymentCollector(
    "local",
    {
      locations: dagsterLocationSource(target),
      statuses,
      materializations: dagsterMaterializationSource(target),
      runs: (repos) => dagsterRunSource(target, repos),
      changes: incremental ? dagsterChangedRunsSource(target) : undefined,
    },
    new SqliteDeployStore(":memory:"),
    {
      locationIntervalMs: 1_000,
      assetIntervalMs: 1_000,
      runsIntervalMs: 1_000,
      runsWindowMs: 30 * 86_400_000,
      // Only the first refresh sweeps: every later one must be right on its own.
      sweepMs: 86_400_000,
    },
  );
}

const sorted = <V>(m: ReadonlyMap<string, V>) => Object.fromEntries([...m].sort());

describe.skipIf(!DAGSTER)("incremental refresh against a real Dagster", () => {
  it(
    `equals a full sweep after every refresh (seed ${SEED}, ${STEPS} steps)`,
    async () => {
      const random = rng(SEED);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
      const inc = counted(
        dagsterAssetStatusSource({
          deployment: "local",
          kind: "oss",
          graphqlUrl: `${DAGSTER}/graphql`,
          timeoutMs: 30_000,
        }),
      );
      const incremental = collector(true, inc.wrapped);
      const full = collector(
        false,
        dagsterAssetStatusSource({
          deployment: "local",
          kind: "oss",
          graphqlUrl: `${DAGSTER}/graphql`,
          timeoutMs: 30_000,
        }),
      );
      const refresh = async (c: DeploymentCollector) => {
        await c.refreshLocations();
        await c.refreshAssets();
        await c.refreshRuns();
      };
      await refresh(incremental);
      const everything = inc.counter.keys;
      const log: string[] = [];
      let fewer = 0;
      for (let step = 0; step < STEPS; step++) {
        const location = pick(Object.keys(ASSETS));
        const kind = pick(["assets", "job", "check", "reload", "redeploy"] as const);
        log.push(`${kind} ${location}`);
        if (kind === "assets") {
          const list = ASSETS[location] ?? [];
          const from = Math.floor(random() * list.length);
          await launch({
            repositoryLocationName: location,
            jobName: "__ASSET_JOB",
            assetSelection: list.slice(from, from + 2).map((p) => ({ path: p })),
          });
        } else if (kind === "job") {
          await launch({ repositoryLocationName: location, jobName: JOBS[location] });
        } else if (kind === "check") {
          const [loc, key, name] = pick(CHECKS);
          await launch({
            repositoryLocationName: loc,
            jobName: "__ASSET_JOB",
            assetSelection: [],
            assetCheckSelection: [{ assetKey: { path: key }, name }],
          });
        } else {
          if (kind === "redeploy") {
            mkdirSync(SWITCHES, { recursive: true });
            writeFileSync(path.join(SWITCHES, `${location}.version`), `v-${Date.now()}`);
          }
          await dagster(
            "mutation R($n: String!) { reloadRepositoryLocation(repositoryLocationName: $n) { __typename } }",
            { n: location },
          );
        }
        // Dagster's daemon may write a freshness verdict at any moment: compare
        // only when two full sweeps around the incremental refresh agree.
        for (let attempt = 0; ; attempt++) {
          await refresh(full);
          const before = sorted(full.state().statuses);
          const keysBefore = inc.counter.keys;
          await refresh(incremental);
          if (inc.counter.keys - keysBefore < everything) fewer++;
          await refresh(full);
          const after = sorted(full.state().statuses);
          if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 3) continue;
          const where = `seed ${SEED}, after: ${log.join(", ")}`;
          expect(sorted(incremental.state().statuses), where).toEqual(after);
          expect(sorted(incremental.state().materializations), where).toEqual(
            sorted(full.state().materializations),
          );
          break;
        }
      }
      // It did follow changes rather than re-read everything each time.
      expect(fewer).toBeGreaterThan(0);
      rmSync(SWITCHES, { recursive: true, force: true });
    },
    STEPS * 240_000,
  );
});
