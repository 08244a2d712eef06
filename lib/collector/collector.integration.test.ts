import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import { assetId } from "@/lib/domain/types";
import { dagsterClient } from "@/lib/testing/dagster-graphql";
import { startTcpProxy } from "@/lib/testing/tcp-proxy";
import {
  dagsterAssetStatusSource,
  dagsterLocationSource,
  dagsterMaterializationSource,
  dagsterRunSource,
} from "./dagster-sources";
import { DeploymentCollector } from "./deployment-collector";

// Against the real, seeded test Dagster. Ground truth is read from its GraphQL
// API directly in each test, never through Healthboard's code.

const DAGSTER = process.env.E2E_DAGSTER_URL ?? "http://127.0.0.1:3071";
const SWITCHES = path.join(
  process.env.DAGSTER_HOME ?? path.resolve(".dagster-home-e2e"),
  "switches",
);
const dir = mkdtempSync(path.join(tmpdir(), "hb-integration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dagster = dagsterClient(DAGSTER);

async function versionKey(location: string): Promise<string> {
  const data = await dagster<{
    locationStatusesOrError: {
      entries: { name: string; versionKey: string; loadStatus: string }[];
    };
  }>(
    "{ locationStatusesOrError { ... on WorkspaceLocationStatusEntries { entries { name versionKey loadStatus } } } }",
  );
  const entry = data.locationStatusesOrError.entries.find((e) => e.name === location);
  if (!entry) throw new Error(`no ${location}`);
  return entry.versionKey;
}

async function reload(location: string): Promise<void> {
  await dagster(
    "mutation R($n: String!) { reloadRepositoryLocation(repositoryLocationName: $n) { __typename } }",
    {
      n: location,
    },
  );
}

function collector(graphqlUrl: string, store: DeployStore) {
  const target = { deployment: "local", kind: "oss" as const, graphqlUrl, timeoutMs: 10_000 };
  return new DeploymentCollector(
    "local",
    {
      locations: dagsterLocationSource(target),
      statuses: dagsterAssetStatusSource(target),
      materializations: dagsterMaterializationSource(target),
      runs: (repos) => dagsterRunSource(target, repos),
    },
    store,
    {
      locationIntervalMs: 1_000,
      assetIntervalMs: 1_000,
      runsIntervalMs: 1_000,
      runsWindowMs: 30 * 86_400_000,
    },
  );
}

describe("collector against the real demo Dagster", () => {
  it("shows a new materialization after one asset refresh", async () => {
    const store = new SqliteDeployStore(":memory:");
    const c = collector(`${DAGSTER}/graphql`, store);
    await c.refreshLocations();
    await c.refreshAssets();
    const id = assetId(["raw_products"]);
    const before = c.state().statuses.get(id)?.lastMaterializedAt ?? 0;

    await dagster(
      `mutation { reportRunlessAssetEvents(eventParams: {eventType: ASSET_MATERIALIZATION, assetKey: {path: ["raw_products"]}}) { __typename } }`,
    );
    const truth = await dagster<{
      assetOrError: { assetMaterializations: { timestamp: string }[] };
    }>(
      `{ assetOrError(assetKey: {path: ["raw_products"]}) { ... on Asset { assetMaterializations(limit: 1) { timestamp } } } }`,
    );
    const latest = Number(truth.assetOrError.assetMaterializations[0]?.timestamp);
    expect(latest).toBeGreaterThan(before);

    await c.refreshAssets();
    expect(c.state().statuses.get(id)?.lastMaterializedAt).toBe(latest);
    store.close();
  });

  it("records a reload as a deploy, a broken location as a failed deploy, and keeps both across a restart", async () => {
    const file = path.join(dir, "deploys.sqlite");
    let store = new SqliteDeployStore(file);
    let c = collector(`${DAGSTER}/graphql`, store);
    await c.refreshLocations();
    expect(store.list({ location: "finance-reporting" }).map((e) => e.kind)).toEqual(["observed"]);

    // Redeploy: a new version tag, then a reload, as scripts/demo-switch.sh does.
    mkdirSync(SWITCHES, { recursive: true });
    writeFileSync(path.join(SWITCHES, "finance-reporting.version"), `v-${Date.now()}`);
    await reload("finance-reporting");
    const redeployed = await versionKey("finance-reporting");
    await c.refreshLocations();
    const deploy = store.list({ location: "finance-reporting" }).at(-1);
    expect(deploy).toMatchObject({ kind: "deploy", versionKey: redeployed, error: null });

    // Break it: the next reload fails to import.
    writeFileSync(path.join(SWITCHES, "finance-reporting.broken"), "");
    try {
      await reload("finance-reporting");
      const brokenKey = await versionKey("finance-reporting");
      await c.refreshLocations();
      const failed = store.list({ location: "finance-reporting" }).at(-1);
      expect(failed).toMatchObject({ kind: "deploy_failed", versionKey: brokenKey });
      expect(failed?.error).toContain("broken on purpose");
    } finally {
      rmSync(path.join(SWITCHES, "finance-reporting.broken"), { force: true });
    }

    // "Restart": a new store and collector on the same file see the same history.
    store.close();
    store = new SqliteDeployStore(file);
    c = collector(`${DAGSTER}/graphql`, store);
    expect(store.list({ location: "finance-reporting" }).map((e) => e.kind)).toEqual([
      "observed",
      "deploy",
      "deploy_failed",
    ]);
    await reload("finance-reporting");
    await c.refreshLocations();
    expect(
      store
        .list({ location: "finance-reporting" })
        .slice(-2)
        .map((e) => e.kind),
    ).toEqual(["deploy", "recovery"]);
    store.close();
  });

  it("attributes the real failing job run (no asset selection) to the asset whose step failed", async () => {
    // Ground truth: the newest FAILURE run of ml_training launched from the job,
    // its failed steps, and the assets those steps compute (AssetNode.opNames).
    const truth = await dagster<{
      runsOrError: {
        results: {
          runId: string;
          assetSelection: { path: string[] }[] | null;
          stepStats: { stepKey: string; status: string | null }[];
        }[];
      };
      assetNodes: { assetKey: { path: string[] }; opNames: string[]; jobNames: string[] }[];
    }>(
      `{ runsOrError(filter: {pipelineName: "ml_training", statuses: [FAILURE]}, limit: 20) {
           ... on Runs { results { runId assetSelection { path } stepStats { stepKey status } } } }
         assetNodes { assetKey { path } opNames jobNames } }`,
    );
    const jobRun = truth.runsOrError.results.find((r) => r.assetSelection === null);
    if (!jobRun) throw new Error("the demo has no failed ml_training run launched from the job");
    const failedSteps = new Set(
      jobRun.stepStats.filter((s) => s.status === "FAILURE").map((s) => s.stepKey),
    );
    const failedAssets = truth.assetNodes
      .filter((n) => n.opNames.some((op) => failedSteps.has(op)))
      .map((n) => assetId(n.assetKey.path));
    const jobAssets = truth.assetNodes
      .filter((n) => n.jobNames.includes("ml_training"))
      .map((n) => assetId(n.assetKey.path));
    expect(failedAssets).toContain(assetId(["recommendation_model"]));

    const store = new SqliteDeployStore(":memory:");
    const c = collector(`${DAGSTER}/graphql`, store);
    await c.refreshLocations();
    await c.refreshRuns();
    const record = c.state().runs.find((r) => r.id === jobRun.runId);
    expect(record?.failedAssetIds.sort()).toEqual(failedAssets.sort());
    expect(record?.plannedAssetIds.sort()).toEqual(jobAssets.sort());
    // The step's own exception, not Dagster's wrapper around it.
    expect(record?.error?.stepKey).toBe([...failedSteps][0]);
    expect(record?.error?.className).not.toBe("DagsterExecutionStepExecutionError");
    expect(record?.error?.message.length).toBeGreaterThan(0);
    store.close();
  });

  it("serves the last snapshot with its as-of time when Dagster goes away", async () => {
    const port = Number(new URL(DAGSTER).port);
    const proxy = await startTcpProxy(port);
    const store = new SqliteDeployStore(":memory:");
    const c = collector(`http://127.0.0.1:${proxy.port}/graphql`, store);
    await c.refreshLocations();
    await c.refreshAssets();
    const good = c.state();
    expect(good.locations.locations.length).toBe(3);
    expect(good.statuses.size).toBeGreaterThan(10);

    await proxy.stop();
    await c.refreshLocations();
    await c.refreshAssets();
    const stale = c.state();
    expect(stale.locations.error).toMatch(/request failed|timed out/);
    expect(stale.locations.asOf).toBe(good.locations.asOf);
    expect(stale.locations.locations.map((l) => l.name)).toEqual(
      good.locations.locations.map((l) => l.name),
    );
    expect(stale.statusesError).not.toBeNull();
    expect(stale.statuses.size).toBe(good.statuses.size);
    expect(stale.statusesAsOf).toBe(good.statusesAsOf);
    store.close();
  });
});
