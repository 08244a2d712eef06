import { describe, expect, it } from "vitest";
import { assetStatus } from "@/lib/testing/status-fixtures";
import {
  assetHealth,
  checksHealth,
  freshnessHealth,
  materializationHealth,
  overallHealth,
} from "./health-model";

const status = assetStatus;

describe("materializationHealth", () => {
  it("is HEALTHY when the latest materialization succeeded", () => {
    expect(materializationHealth(status())).toBe("HEALTHY");
  });

  it("is UNKNOWN when never materialized", () => {
    expect(
      materializationHealth(
        status({ lastMaterializedAt: null, lastMaterializationRunId: null, latestRun: null }),
      ),
    ).toBe("UNKNOWN");
  });

  it("is DEGRADED when a failure event is newer than the last materialization", () => {
    expect(materializationHealth(status({ lastFailedAt: 2_000 }))).toBe("DEGRADED");
    expect(materializationHealth(status({ lastFailedAt: 500 }))).toBe("HEALTHY");
  });

  it("is DEGRADED on open source when the latest run that planned it failed without materializing it", () => {
    const failed = { id: "r2", status: "FAILURE" as const, startedAt: 1_500, endedAt: 1_600 };
    expect(materializationHealth(status({ latestRun: failed }))).toBe("DEGRADED");
    // Never materialized and the only run failed: degraded, not unknown.
    expect(
      materializationHealth(
        status({ latestRun: failed, lastMaterializedAt: null, lastMaterializationRunId: null }),
      ),
    ).toBe("DEGRADED");
  });

  it("stays HEALTHY when the failed run did materialize this asset", () => {
    const failedButMaterialized = {
      id: "r1",
      status: "FAILURE" as const,
      startedAt: 900,
      endedAt: 1_100,
    };
    expect(materializationHealth(status({ latestRun: failedButMaterialized }))).toBe("HEALTHY");
  });

  it("uses partition counts for partitioned assets", () => {
    expect(
      materializationHealth(status({ partitions: { materialized: 0, failed: 0, total: 30 } })),
    ).toBe("UNKNOWN");
    expect(
      materializationHealth(status({ partitions: { materialized: 29, failed: 0, total: 30 } })),
    ).toBe("HEALTHY");
    expect(
      materializationHealth(status({ partitions: { materialized: 28, failed: 1, total: 30 } })),
    ).toBe("DEGRADED");
  });
});

describe("checksHealth", () => {
  it("follows Dagster's check rules", () => {
    expect(checksHealth(status())).toBe("NOT_APPLICABLE");
    expect(checksHealth(status({ checks: [{ name: "a", outcome: "passed" }] }))).toBe("HEALTHY");
    expect(
      checksHealth(
        status({
          checks: [
            { name: "a", outcome: "passed" },
            { name: "b", outcome: "not_executed" },
          ],
        }),
      ),
    ).toBe("UNKNOWN");
    expect(
      checksHealth(
        status({
          checks: [
            { name: "a", outcome: "warning" },
            { name: "b", outcome: "not_executed" },
          ],
        }),
      ),
    ).toBe("WARNING");
    expect(
      checksHealth(
        status({
          checks: [
            { name: "a", outcome: "warning" },
            { name: "b", outcome: "failed" },
          ],
        }),
      ),
    ).toBe("DEGRADED");
  });
});

describe("overallHealth", () => {
  it("takes the most severe component", () => {
    expect(overallHealth("HEALTHY", "WARNING", "DEGRADED")).toBe("DEGRADED");
    expect(overallHealth("HEALTHY", "WARNING", "HEALTHY")).toBe("WARNING");
    expect(overallHealth("HEALTHY", "NOT_APPLICABLE", "NOT_APPLICABLE")).toBe("HEALTHY");
    expect(overallHealth("HEALTHY", "UNKNOWN", "HEALTHY")).toBe("HEALTHY");
  });

  it("is UNKNOWN when materialization is unknown, unless something is worse", () => {
    expect(overallHealth("UNKNOWN", "HEALTHY", "HEALTHY")).toBe("UNKNOWN");
    expect(overallHealth("UNKNOWN", "HEALTHY", "WARNING")).toBe("WARNING");
  });
});

describe("assetHealth", () => {
  it("computes on open source", () => {
    expect(
      assetHealth(
        status({
          hasFreshnessPolicy: true,
          freshness: "DEGRADED",
          checks: [{ name: "a", outcome: "passed" }],
        }),
      ),
    ).toEqual({
      overall: "DEGRADED",
      materialization: "HEALTHY",
      freshness: "DEGRADED",
      checks: "HEALTHY",
      source: "computed",
    });
  });

  it("uses Dagster+'s assetHealth when it is supplied", () => {
    const plusHealth = {
      overall: "WARNING",
      materialization: "WARNING",
      freshness: "HEALTHY",
      checks: "NOT_APPLICABLE",
    } as const;
    expect(assetHealth(status({ lastFailedAt: 5_000, plusHealth }))).toMatchObject({
      overall: "WARNING",
      materialization: "WARNING",
      source: "dagster-plus",
    });
  });

  it("is UNKNOWN without any status", () => {
    expect(assetHealth(undefined).overall).toBe("UNKNOWN");
  });
});

describe("Dagster's rules (dagster/_core/definitions/asset_health, 1.13)", () => {
  const failedAfter = (status: "FAILURE" | "CANCELED") => ({
    id: "r2",
    status,
    startedAt: 1_500,
    endedAt: 1_600,
  });

  it("does not count a CANCELED run as a failed materialization (is_failure is FAILURE only)", () => {
    expect(materializationHealth(status({ latestRun: failedAfter("CANCELED") }))).toBe("HEALTHY");
    expect(materializationHealth(status({ latestRun: failedAfter("FAILURE") }))).toBe("DEGRADED");
  });

  it("makes an observed observable source asset HEALTHY, and UNKNOWN until its first observation", () => {
    const never = { lastMaterializedAt: null, lastMaterializationRunId: null, latestRun: null };
    expect(
      materializationHealth(status({ ...never, observableSource: true, lastObservedAt: 2_000 })),
    ).toBe("HEALTHY");
    expect(materializationHealth(status({ ...never, observableSource: true }))).toBe("UNKNOWN");
    // An observation does not make an ordinary asset healthy.
    expect(materializationHealth(status({ ...never, lastObservedAt: 2_000 }))).toBe("UNKNOWN");
  });

  it("gives an observed source asset an overall HEALTHY, not UNKNOWN forever", () => {
    const observed = status({
      lastMaterializedAt: null,
      lastMaterializationRunId: null,
      latestRun: null,
      observableSource: true,
      lastObservedAt: 2_000,
    });
    expect(assetHealth(observed).overall).toBe("HEALTHY");
  });

  it("calls a freshness policy without an evaluation UNKNOWN; NOT_APPLICABLE only without a policy", () => {
    expect(freshnessHealth(status({ hasFreshnessPolicy: true, freshness: null }))).toBe("UNKNOWN");
    expect(freshnessHealth(status({ hasFreshnessPolicy: false, freshness: null }))).toBe(
      "NOT_APPLICABLE",
    );
    expect(freshnessHealth(status({ hasFreshnessPolicy: true, freshness: "WARNING" }))).toBe(
      "WARNING",
    );
  });
});
