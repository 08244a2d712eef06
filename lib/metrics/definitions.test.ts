import { describe, expect, it } from "vitest";
import type { AssetHealth } from "@/lib/health/health-model";
import type { HealthStatus } from "@/lib/health/status-types";
import {
  byHealthWorstFirst,
  HEALTH_STATES,
  isDegraded,
  isFailedRun,
  isHealthy,
  isStale,
  isSucceededRun,
  isUnhealthy,
  isUnknown,
  isWarning,
  lateBy,
  worstHealth,
  worstOf,
} from "./definitions";

function health(
  overall: AssetHealth["overall"],
  parts: Partial<Record<"materialization" | "freshness" | "checks", HealthStatus>> = {},
): AssetHealth {
  return {
    overall,
    materialization: parts.materialization ?? "HEALTHY",
    freshness: parts.freshness ?? "NOT_APPLICABLE",
    checks: parts.checks ?? "NOT_APPLICABLE",
    source: "computed",
  };
}

describe("health predicates", () => {
  it("count an asset degraded by freshness alone as degraded (the KPI used to miss it)", () => {
    const staleOnly = health("DEGRADED", { freshness: "DEGRADED" });
    expect(isDegraded(staleOnly)).toBe(true);
    expect(isStale(staleOnly)).toBe(true);
    expect(isHealthy(staleOnly)).toBe(false);
  });

  it("put every overall state in exactly one of healthy, warning, degraded, unknown", () => {
    for (const s of HEALTH_STATES) {
      const hits = [isHealthy, isWarning, isDegraded, isUnknown].filter((p) => p(s));
      expect(hits).toHaveLength(1);
    }
  });

  it("accept the overall state alone, as rows and payloads carry it", () => {
    expect(isDegraded("DEGRADED")).toBe(true);
    expect(isWarning("DEGRADED")).toBe(false);
    expect(isUnhealthy("WARNING")).toBe(true);
    expect(isUnhealthy("UNKNOWN")).toBe(false);
  });

  it("call an asset stale on a freshness warning or failure, never on unknown or no policy", () => {
    expect(isStale(health("WARNING", { freshness: "WARNING" }))).toBe(true);
    expect(isStale(health("HEALTHY", { freshness: "HEALTHY" }))).toBe(false);
    expect(isStale(health("UNKNOWN", { freshness: "UNKNOWN" }))).toBe(false);
    expect(isStale(health("HEALTHY"))).toBe(false);
  });

  it("do not call a warning asset stale when its warning comes from a check", () => {
    expect(isStale(health("WARNING", { checks: "WARNING", freshness: "HEALTHY" }))).toBe(false);
  });
});

describe("isFailedRun", () => {
  it("counts FAILURE only: a canceled run is not a failure", () => {
    expect(isFailedRun({ status: "FAILURE" })).toBe(true);
    expect(isFailedRun({ status: "CANCELED" })).toBe(false);
    expect(isFailedRun({ status: "CANCELING" })).toBe(false);
    expect(isFailedRun({ status: "SUCCESS" })).toBe(false);
  });

  it("leaves canceled and unfinished runs neither failed nor succeeded", () => {
    for (const status of ["CANCELED", "STARTED", "QUEUED"] as const) {
      expect(isFailedRun({ status }) || isSucceededRun({ status })).toBe(false);
    }
    expect(isSucceededRun({ status: "SUCCESS" })).toBe(true);
  });
});

describe("worstHealth and the severity order", () => {
  it("picks the most severe state, UNKNOWN above HEALTHY", () => {
    expect(worstHealth(["HEALTHY", "DEGRADED", "WARNING"])).toBe("DEGRADED");
    expect(worstHealth(["HEALTHY", "UNKNOWN"])).toBe("UNKNOWN");
    expect(worstHealth([])).toBe("UNKNOWN");
  });

  it("worstOf keeps the first of equally bad items, and has none for none", () => {
    const a = { overall: "DEGRADED" as const, id: "a" };
    const b = { overall: "DEGRADED" as const, id: "b" };
    expect(worstOf([{ overall: "HEALTHY" as const, id: "h" }, a, b])?.id).toBe("a");
    expect(worstOf([])).toBeUndefined();
  });

  it("sorts worse health first", () => {
    const sorted = (["HEALTHY", "UNKNOWN", "DEGRADED", "WARNING"] as const)
      .slice()
      .sort(byHealthWorstFirst);
    expect(sorted).toEqual([...HEALTH_STATES]);
  });
});

describe("lateBy", () => {
  const H = 3_600_000;
  const window = {
    kind: "time-window" as const,
    failWindowSeconds: 24 * 3600,
    warnWindowSeconds: 12 * 3600,
  };
  const cron = {
    kind: "cron" as const,
    deadlineCron: "0 6 * * *",
    lowerBoundDeltaSeconds: 0,
    timezone: "UTC",
  };

  it("measures past the warn window while only warning, else past the fail window", () => {
    expect(lateBy(window, "WARNING", 0, 15 * H)).toEqual({
      lateMs: 3 * H,
      windowSeconds: 12 * 3600,
      warn: true,
    });
    expect(lateBy(window, "DEGRADED", 0, 27 * H)).toEqual({
      lateMs: 3 * H,
      windowSeconds: 24 * 3600,
      warn: false,
    });
  });

  it("has no window to subtract for a cron policy, and never materialized is infinitely late", () => {
    expect(lateBy(cron, "DEGRADED", 0, 5 * H)).toEqual({
      lateMs: 5 * H,
      windowSeconds: null,
      warn: false,
    });
    expect(lateBy(window, "DEGRADED", null, 5 * H).lateMs).toBe(Number.POSITIVE_INFINITY);
    expect(lateBy(window, "HEALTHY", 0, H).lateMs).toBe(0);
  });
});
