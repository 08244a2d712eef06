import { afterEach, describe, expect, it } from "vitest";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import type { RunFacts, RunOutcome } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { def } from "@/lib/testing/asset-fixtures";
import { failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { location } from "@/lib/testing/location-fixtures";
import { runFacts } from "@/lib/testing/run-fixtures";
import type { ChangedRun } from "./change-runs";
import { DeploymentCollector, type DeploymentState } from "./deployment-collector";

// The collector's loops against an in-memory Dagster whose run events are slow
// to read: what a reader sees, generation by generation, when a run fails.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ASSET: AssetDefinition = def(["model"], { deployment: "prod", location: "ml" });
const FAILED_AT = Date.now() - 1_000;
const ERROR = {
  className: "ValueError",
  message: "ValueError: AUC below threshold",
  stepKey: "model",
};

/** One location, one asset; `fail()` makes its latest run fail, as Dagster would report it. */
function fakeDagster() {
  const state = {
    failed: false,
    status: okStatus(FAILED_AT - 3_600_000) as AssetStatus,
    outcomeReads: 0,
  };
  const failedRun: RunFacts = runFacts("f", FAILED_AT - 60_000, {
    location: "ml",
    status: "FAILURE",
    endedAt: FAILED_AT,
    updatedAt: FAILED_AT,
    failureReason: "STEP_FAILURE",
  });
  return {
    state,
    fail() {
      state.failed = true;
      state.status = {
        ...failedStatus(FAILED_AT),
        latestRun: {
          id: "f",
          status: "FAILURE",
          startedAt: FAILED_AT - 60_000,
          endedAt: FAILED_AT,
        },
      };
    },
    sources: {
      locations: {
        async fetchStatuses() {
          return [
            { name: "ml", loadStatus: "LOADED" as const, versionKey: "v1", updateTimestamp: 1 },
          ];
        },
        async fetchLocation() {
          return location("prod", "ml", [ASSET], { versionKey: "v1" });
        },
      },
      statuses: {
        async fetchStatuses(batch: readonly AssetDefinition[]) {
          return new Map(batch.map((a) => [a.id, state.status]));
        },
      },
      materializations: {
        async fetchPage(batch: readonly AssetDefinition[]) {
          return new Map(batch.map((a) => [a.id, { records: [], cursor: null }]));
        },
      },
      runs: () => ({
        async fetchRuns() {
          return state.failed ? [failedRun] : [];
        },
        async fetchOutcome(): Promise<RunOutcome> {
          state.outcomeReads++;
          await sleep(300); // a run's events take a while to read
          return {
            plannedAssetIds: [ASSET.id],
            materializedAssetIds: [],
            failedAssetIds: [ASSET.id],
            error: ERROR,
          };
        },
      }),
      changes: {
        async fetchChangedRuns(): Promise<ChangedRun[]> {
          return state.failed
            ? [{ id: "f", status: "FAILURE", location: "ml", assetIds: [ASSET.id] }]
            : [];
        },
      },
    },
  };
}

let collector: DeploymentCollector | null = null;
afterEach(() => collector?.stop());

describe("DeploymentCollector", () => {
  it("shows a newly failed asset in the same generation as its run's error, long before the runs interval", async () => {
    const dagster = fakeDagster();
    collector = new DeploymentCollector(
      "prod",
      dagster.sources,
      new SqliteDeployStore(":memory:"),
      {
        locationIntervalMs: 100,
        assetIntervalMs: 100,
        // The runs loop would next run in a minute: only the failure can bring it sooner.
        runsIntervalMs: 60_000,
        runsWindowMs: 86_400_000,
      },
    );
    await collector.start();
    await sleep(500); // the first runs refresh (it starts at once) and a few asset refreshes
    dagster.fail();
    // Every generation a reader could see from now on, as it saw it. The
    // snapshot is rebuilt only when the generation moves (collectors.ts), so a
    // state read between two bumps is not what any reader sees.
    const seen: DeploymentState[] = [];
    let generation = collector.state().generation;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const s = collector.state();
      if (s.generation !== generation) {
        generation = s.generation;
        seen.push(s);
        if (s.statuses.get(ASSET.id)?.latestRun?.status === "FAILURE") break;
      }
      await sleep(5);
    }
    const failing = seen.filter((s) => s.statuses.get(ASSET.id)?.latestRun?.status === "FAILURE");
    expect(failing.length).toBeGreaterThan(0);
    for (const s of failing) {
      expect(s.runs.find((r) => r.id === "f")?.error?.message).toBe(ERROR.message);
    }
    expect(dagster.state.outcomeReads).toBe(1);
  });
});
