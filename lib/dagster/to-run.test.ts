import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { firstLines, MAX_ERROR_CHARS, type RunEvent, toRunFacts, toRunOutcome } from "./to-run";

const key = (...path: string[]) => ({ __typename: "AssetKey" as const, path });
const planned = (stepKey: string, ...path: string[]): RunEvent => ({
  __typename: "AssetMaterializationPlannedEvent",
  stepKey,
  assetKey: key(...path),
});
const materialized = (stepKey: string, ...path: string[]): RunEvent => ({
  __typename: "MaterializationEvent",
  stepKey,
  assetKey: key(...path),
});
const noise = (t: "LogMessageEvent" | "ExecutionStepStartEvent"): RunEvent =>
  ({ __typename: t }) as RunEvent;

describe("toRunFacts", () => {
  const row = {
    __typename: "Run" as const,
    runId: "ec8abe1d",
    jobName: "ml_training",
    status: "FAILURE" as const,
    creationTime: 1796166101.897955,
    startTime: 1796166103.5,
    endTime: null,
    updateTime: 1796166108.25,
    assetSelection: null,
    stepKeysToExecute: ["customer_features", "recommendation_model"],
    stepStats: [
      {
        __typename: "RunStepStats" as const,
        stepKey: "customer_features",
        status: "SUCCESS" as const,
        startTime: 1796166104.25,
        endTime: 1796166105.5,
      },
      {
        __typename: "RunStepStats" as const,
        stepKey: "recommendation_model",
        status: "IN_PROGRESS" as const,
        startTime: 1796166106,
        endTime: null,
      },
    ],
    tags: [
      { __typename: "PipelineTag" as const, key: "dagster/failure_reason", value: "STEP_FAILURE" },
    ],
  };

  it("keeps a job run's missing asset selection as null, not as 'no assets'", () => {
    const f = toRunFacts("local", "ml-platform", row);
    expect(f.assetSelection).toBeNull();
    expect(f.stepKeysToExecute).toEqual(["customer_features", "recommendation_model"]);
    expect(f).toMatchObject({
      id: "ec8abe1d",
      location: "ml-platform",
      job: "ml_training",
      createdAt: 1796166101898,
      startedAt: 1796166103500,
      endedAt: null,
      failureReason: "STEP_FAILURE",
    });
  });

  it("keeps each step's times in epoch ms, an unfinished step without an end", () => {
    const f = toRunFacts("local", "ml-platform", row);
    expect(f.steps).toEqual([
      {
        key: "customer_features",
        status: "SUCCESS",
        startedAt: 1796166104250,
        endedAt: 1796166105500,
      },
      {
        key: "recommendation_model",
        status: "IN_PROGRESS",
        startedAt: 1796166106000,
        endedAt: null,
      },
    ]);
  });

  it("turns an asset selection into asset ids", () => {
    const f = toRunFacts("local", "ml-platform", {
      ...row,
      assetSelection: [key("ml", "product_embeddings")],
      stepKeysToExecute: null,
      tags: [],
    });
    expect(f.assetSelection).toEqual([assetId(["ml", "product_embeddings"])]);
    expect(f.failureReason).toBeNull();
  });
});

describe("toRunOutcome", () => {
  // The shape of the demo's real failing ml_training run (logsForRun, Dagster 1.13.28).
  const events: RunEvent[] = [
    planned("churn_model", "churn_model"),
    planned("customer_features", "customer_features"),
    planned("ml__product_embeddings", "ml", "product_embeddings"),
    planned("recommendation_model", "recommendation_model"),
    noise("ExecutionStepStartEvent"),
    materialized("customer_features", "customer_features"),
    materialized("ml__product_embeddings", "ml", "product_embeddings"),
    noise("LogMessageEvent"),
    materialized("churn_model", "churn_model"),
    {
      __typename: "ExecutionStepFailureEvent",
      stepKey: "recommendation_model",
      error: {
        __typename: "PythonError",
        className: "DagsterExecutionStepExecutionError",
        message:
          'dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op "recommendation_model":\n',
        errorChain: [
          {
            __typename: "ErrorChainLink",
            error: {
              __typename: "PythonError",
              className: "RuntimeError",
              message:
                "RuntimeError: CUDA out of memory while training (the demo fails here on purpose)\n",
            },
          },
        ],
      },
    },
    {
      __typename: "RunFailureEvent",
      message:
        "Execution of run for \"ml_training\" failed. Steps failed: ['recommendation_model'].",
      error: null,
    },
  ];

  it("attributes the failed step's asset as failed, the others as materialized", () => {
    const o = toRunOutcome(events);
    expect(o.plannedAssetIds).toHaveLength(4);
    expect(o.materializedAssetIds.sort()).toEqual(
      [["churn_model"], ["customer_features"], ["ml", "product_embeddings"]].map(assetId).sort(),
    );
    expect(o.failedAssetIds).toEqual([assetId(["recommendation_model"])]);
  });

  it("takes the failed step's own exception (the chain's last link), not Dagster's wrapper or the run summary", () => {
    expect(toRunOutcome(events).error).toEqual({
      className: "RuntimeError",
      message: "RuntimeError: CUDA out of memory while training (the demo fails here on purpose)",
      stepKey: "recommendation_model",
    });
  });

  it("keeps the whole of a longer message, bounded, beside its first lines", () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `line ${i}`);
    const o = toRunOutcome([
      planned("a", "a"),
      {
        __typename: "ExecutionStepFailureEvent",
        stepKey: "a",
        error: {
          __typename: "PythonError",
          className: "ValueError",
          message: lines.join("\n"),
          errorChain: [],
        },
      },
    ]);
    expect(o.error?.message.split("\n")).toEqual(lines.slice(0, 3));
    expect(o.error?.full?.startsWith(lines.slice(0, 50).join("\n"))).toBe(true);
    expect(o.error?.full?.length).toBeLessThan(MAX_ERROR_CHARS + 100);
    expect(o.error?.full).toContain("more characters in Dagster");
  });

  it("falls back to the run failure when no step failed, and fails no asset", () => {
    const o = toRunOutcome([
      planned("a", "a"),
      { __typename: "RunFailureEvent", message: "Run failed to launch", error: null },
    ]);
    expect(o.failedAssetIds).toEqual([]);
    expect(o.error).toEqual({ className: null, message: "Run failed to launch", stepKey: null });
  });

  it("fails every asset of a failed multi-asset step, and an asset Dagster reports as FAILED, but not a skipped one", () => {
    const o = toRunOutcome([
      planned("multi", "x"),
      planned("multi", "y"),
      planned("down", "z"),
      planned("other", "w"),
      { __typename: "ExecutionStepFailureEvent", stepKey: "multi", error: null },
      {
        __typename: "FailedToMaterializeEvent",
        stepKey: "down",
        assetKey: key("z"),
        materializationFailureType: "SKIPPED",
      },
      {
        __typename: "FailedToMaterializeEvent",
        stepKey: "other",
        assetKey: key("w"),
        materializationFailureType: "FAILED",
      },
    ]);
    expect(o.failedAssetIds.sort()).toEqual([["w"], ["x"], ["y"]].map(assetId).sort());
    expect(o.error).toEqual({ className: null, message: "step failed", stepKey: "multi" });
  });

  it("does not count an asset its failed step materialized before failing", () => {
    const o = toRunOutcome([
      planned("s", "x"),
      planned("s", "y"),
      materialized("s", "x"),
      { __typename: "ExecutionStepFailureEvent", stepKey: "s", error: null },
    ]);
    expect(o.failedAssetIds).toEqual([assetId(["y"])]);
  });
});

describe("firstLines", () => {
  it("keeps the first non-empty lines of a long message", () => {
    const msg = "KeyError: 'x'\n\n  at line 1\n  at line 2\n  at line 3\n";
    expect(firstLines(msg)).toBe("KeyError: 'x'\n  at line 1\n  at line 2");
    expect(firstLines(msg, 1)).toBe("KeyError: 'x'");
  });
});
