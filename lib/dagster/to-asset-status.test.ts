import { existsSync, readFileSync } from "node:fs";
import { buildSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { assetHealth } from "@/lib/health/health-model";
import {
  CHECK_HISTORY_CHUNK,
  type CheckHistoryQuery,
  checkHistoryRequest,
  checkRefKey,
  checksNeedingHistory,
  fetchCheckHistory,
  toCheckHistory,
} from "./check-history";
import statusesDemo from "./fixtures/asset-statuses.demo.json";
import checkHistoryDemo from "./fixtures/check-history.demo.json";
import type { AssetStatusesQuery, CheckExecutionStateFragment } from "./generated/graphql";
import { checkState, toAssetStatuses } from "./to-asset-status";

/** Dagster+'s published schema, beside the project (../shared/reference), as in CI. */
const PLUS_SCHEMA = "../shared/reference/dagster-plus-schema-2026-04.graphql";

// The fixtures are answers of the seeded demo Dagster 1.13.28 (:3070) to
// AssetStatuses and to a CheckHistory request, captured as they came (no
// __typename on plain objects: graphql-request does not add it). Variants
// below change one field of a real answer to the state a rule is about.

const demo = () => structuredClone(statusesDemo) as unknown as AssetStatusesQuery;
const id = (...path: string[]) => assetId(path);

type Execution = CheckExecutionStateFragment;
const execution = (
  status: Execution["status"],
  severity: "ERROR" | "WARN" | null = "ERROR",
): Execution =>
  ({ status, timestamp: 1_796_166_000, evaluation: severity ? { severity } : null }) as Execution;

function withChurnCheck(latest: Execution | null): AssetStatusesQuery {
  const data = demo();
  const churn = data.checks.find((c) => c.assetKey.path[0] === "churn_model");
  const checks = churn?.assetChecksOrError;
  if (checks?.__typename !== "AssetChecks" || !checks.checks[0]) throw new Error("fixture changed");
  checks.checks[0].executionForLatestMaterialization = latest;
  return data;
}

describe("toAssetStatuses on the demo's real answer", () => {
  const statuses = toAssetStatuses(demo());

  it("reads each asset's state as Dagster reports it", () => {
    const churn = statuses.get(id("churn_model"));
    expect(churn?.checks).toEqual([{ name: "auc_above_threshold", outcome: "failed" }]);
    expect(statuses.get(id("product_performance"))?.checks?.[0]?.outcome).toBe("warning");
    expect(statuses.get(id("customer_order_summary"))?.checks?.[0]?.outcome).toBe("passed");
    expect(statuses.get(id("daily_order_counts"))?.partitions).toEqual({
      materialized: 13,
      failed: 0,
      total: 61,
    });
  });

  it("floors Asset timestamps (float ms) and converts run times (float s) to ms", () => {
    const rec = statuses.get(id("recommendation_model"));
    expect(rec?.lastMaterializedAt).toBe(1_796_012_544_800);
    expect(rec?.latestRun).toEqual({
      id: "ec8abe1d-ac64-46eb-b67e-197d38c19401",
      status: "FAILURE",
      startedAt: 1_796_166_103_037,
      endedAt: 1_796_166_107_829,
    });
    expect(statuses.get(id("churn_model"))?.lastMaterializedAt).toBe(1_796_166_105_754);
  });

  it("knows which assets have a freshness policy, with or without a verdict", () => {
    expect(statuses.get(id("legacy_marketing_export"))).toMatchObject({
      hasFreshnessPolicy: true,
      freshness: "DEGRADED",
    });
    expect(statuses.get(id("raw_orders"))).toMatchObject({
      hasFreshnessPolicy: false,
      freshness: null,
    });
  });

  it("gives the demo's documented overall health (docs/health-model.md examples)", () => {
    const overall = (name: string) => assetHealth(statuses.get(id(name))).overall;
    expect(overall("churn_model")).toBe("DEGRADED");
    expect(overall("product_performance")).toBe("WARNING");
    expect(overall("customer_order_summary")).toBe("HEALTHY");
    expect(overall("recommendation_model")).toBe("DEGRADED");
    expect(overall("legacy_marketing_export")).toBe("DEGRADED");
    expect(overall("raw_orders")).toBe("HEALTHY");
    expect(overall("daily_order_counts")).toBe("HEALTHY");
  });

  it("treats a materializable asset as no observable source", () => {
    expect(statuses.get(id("raw_orders"))?.observableSource).toBe(false);
  });
});

describe("observable source assets", () => {
  /** The demo's answer, with raw_orders turned into an observable source with these observations. */
  const asObservedSource = (timestamps: string[]) => {
    const data = demo();
    data.observable = [
      {
        assetKey: { path: ["raw_orders"] },
        isObservable: true,
        isMaterializable: false,
        assetObservations: timestamps.map((timestamp) => ({ timestamp })),
      },
    ] as AssetStatusesQuery["observable"];
    return toAssetStatuses(data).get(id("raw_orders"));
  };

  it("are marked from isObservable and isMaterializable, with their latest observation", () => {
    expect(asObservedSource(["1796166000123"])).toMatchObject({
      observableSource: true,
      lastObservedAt: 1_796_166_000_123,
    });
  });

  it("are UNKNOWN until their first observation, however materialized the key looks", () => {
    const s = asObservedSource([]);
    expect(s?.lastObservedAt).toBeNull();
    expect(assetHealth(s).materialization).toBe("UNKNOWN");
  });
});

describe("a check's state is its latest completed execution", () => {
  const history = toCheckHistory(
    [
      { assetKey: ["churn_model"], checkName: "auc_above_threshold" },
      { assetKey: ["customer_order_summary"], checkName: "customer_ids_not_null" },
    ],
    checkHistoryDemo as unknown as CheckHistoryQuery,
  );

  it("keeps an earlier failure when the latest execution was skipped (it used to erase it)", () => {
    const data = withChurnCheck(execution("SKIPPED", null));
    const s = toAssetStatuses(data, history).get(id("churn_model"));
    expect(s?.checks?.[0]?.outcome).toBe("failed");
    expect(assetHealth(s).checks).toBe("DEGRADED");
  });

  it("keeps an earlier failure while a new execution is in progress", () => {
    const data = withChurnCheck(execution("IN_PROGRESS", null));
    expect(toAssetStatuses(data, history).get(id("churn_model"))?.checks?.[0]?.outcome).toBe(
      "failed",
    );
  });

  it("uses the latest completed execution when none targets the latest materialization", () => {
    const data = withChurnCheck(null);
    expect(toAssetStatuses(data, history).get(id("churn_model"))?.checks?.[0]?.outcome).toBe(
      "failed",
    );
  });

  it("skips executions that are not completed, newest first", () => {
    const older = [
      execution("SKIPPED", null),
      execution("IN_PROGRESS", null),
      execution("SUCCEEDED"),
    ];
    expect(checkState(execution("SKIPPED", null), older)).toBe("passed");
    expect(checkState(null, [execution("FAILED", "WARN"), execution("FAILED")])).toBe("warning");
    expect(checkState(execution("EXECUTION_FAILED", null), [execution("SUCCEEDED")])).toBe(
      "failed",
    );
  });

  it("is not executed when no execution ever completed", () => {
    expect(checkState(execution("IN_PROGRESS", null), [])).toBe("not_executed");
    expect(checkState(null, undefined)).toBe("not_executed");
  });
});

describe("the check history request", () => {
  it("asks only for checks without a completed execution for the latest materialization", () => {
    expect(checksNeedingHistory(demo())).toEqual([]);
    expect(checksNeedingHistory(withChurnCheck(execution("SKIPPED", null)))).toEqual([
      { assetKey: ["churn_model"], checkName: "auc_above_threshold" },
    ]);
  });

  it("is a valid query against Dagster 1.13.28's schema, names passed as variables", () => {
    const refs = [
      { assetKey: ["ml", "model"], checkName: 'evil") { id } #' },
      { assetKey: ["churn_model"], checkName: "auc_above_threshold" },
    ];
    const { document, variables } = checkHistoryRequest(refs);
    const schema = buildSchema(readFileSync("lib/dagster/generated/schema.graphql", "utf8"));
    expect(validate(schema, document)).toEqual([]);
    expect(variables).toMatchObject({ k0: { path: ["ml", "model"] }, n0: 'evil") { id } #' });
  });

  // This request is composed at run time, so scripts/check-plus-schema.mjs (which
  // reads the .graphql files) cannot see it: check it against Dagster+'s schema here.
  it.runIf(existsSync(PLUS_SCHEMA))("is a valid query against Dagster+'s April 2026 schema", () => {
    const { document } = checkHistoryRequest([{ assetKey: ["a"], checkName: "c" }]);
    const schema = buildSchema(readFileSync(PLUS_SCHEMA, "utf8"), { assumeValidSDL: true });
    expect(validate(schema, document)).toEqual([]);
  });

  it("sends at most CHECK_HISTORY_CHUNK checks per request and maps every answer back", async () => {
    const refs = Array.from({ length: CHECK_HISTORY_CHUNK + 1 }, (_, i) => ({
      assetKey: ["a", String(i)],
      checkName: "x",
    }));
    const sizes: number[] = [];
    const history = await fetchCheckHistory(refs, async ({ variables }) => {
      const n = Object.keys(variables).length / 2;
      sizes.push(n);
      return Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`c${i}`, [execution(i % 2 ? "FAILED" : "SUCCEEDED")]]),
      );
    });
    expect(sizes).toEqual([CHECK_HISTORY_CHUNK, 1]);
    expect(history.size).toBe(refs.length);
    expect(history.get(checkRefKey(["a", "1"], "x"))?.[0]?.status).toBe("FAILED");
    // The last ref is the first of the second request.
    expect(history.get(checkRefKey(["a", String(CHECK_HISTORY_CHUNK)], "x"))?.[0]?.status).toBe(
      "SUCCEEDED",
    );
  });

  it("maps each alias back to its check", () => {
    const refs = [{ assetKey: ["a"], checkName: "x" }];
    const map = toCheckHistory(refs, { c0: [execution("FAILED")] });
    expect(map.get(checkRefKey(["a"], "x"))?.[0]?.status).toBe("FAILED");
  });
});
