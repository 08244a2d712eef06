import { describe, expect, it } from "vitest";
import type { FreshnessPolicy } from "@/lib/domain/types";
import { overallHealth } from "@/lib/health/health-model";
import type { HealthStatus } from "@/lib/health/status-types";
import { HOUR, SIX_HOUR_POLICY, TEST_NOW } from "@/lib/testing/status-fixtures";
import {
  type AssetBadgeInput,
  assetBadgeState,
  locationBadgeState,
  teamBadgeState,
} from "./badge-state";

const NOW = TEST_NOW;
const window6h = SIX_HOUR_POLICY;

describe("teamBadgeState", () => {
  it("says healthy only when every asset is healthy", () => {
    expect(teamBadgeState(["HEALTHY", "HEALTHY"])).toEqual({
      message: "healthy",
      color: "healthy",
    });
  });

  it("counts degraded assets first, warnings beside them, in the worst colour", () => {
    expect(teamBadgeState(["HEALTHY", "DEGRADED", "WARNING", "DEGRADED"])).toEqual({
      message: "2 degraded, 1 warning",
      color: "degraded",
    });
    expect(teamBadgeState(["HEALTHY", "WARNING", "UNKNOWN", "WARNING"])).toEqual({
      message: "2 warning",
      color: "warning",
    });
  });

  it("does not hide never-materialized assets behind 'healthy'", () => {
    expect(teamBadgeState(["HEALTHY", "UNKNOWN"])).toEqual({
      message: "healthy, 1 unknown",
      color: "healthy",
    });
    expect(teamBadgeState(["UNKNOWN"])).toEqual({ message: "unknown", color: "unknown" });
    expect(teamBadgeState([])).toEqual({ message: "unknown", color: "unknown" });
  });
});

/** A definition's input, its overall health computed by the health model from its components. */
function input(
  parts: { materialization?: HealthStatus; freshness?: HealthStatus; checks?: HealthStatus },
  policy: FreshnessPolicy | null,
  lastMaterializedAt: number | null,
): AssetBadgeInput {
  const materialization = parts.materialization ?? "HEALTHY";
  const freshness = parts.freshness ?? (policy ? "HEALTHY" : "NOT_APPLICABLE");
  const checks = parts.checks ?? "NOT_APPLICABLE";
  return {
    health: {
      overall: overallHealth(materialization, checks, freshness),
      materialization,
      freshness,
      checks,
      source: "computed",
    },
    policy,
    lastMaterializedAt,
  };
}

describe("assetBadgeState", () => {
  it("shows the overall health, with Dagster's freshness verdict as secondary text", () => {
    expect(assetBadgeState([input({}, window6h, NOW - HOUR)], NOW)).toEqual({
      message: "healthy · fresh",
      color: "healthy",
    });
    expect(assetBadgeState([input({}, null, NOW)], NOW)).toEqual({
      message: "healthy",
      color: "healthy",
    });
    expect(
      assetBadgeState(
        [input({ materialization: "UNKNOWN", freshness: "UNKNOWN" }, window6h, null)],
        NOW,
      ),
    ).toEqual({ message: "unknown", color: "unknown" });
  });

  it("never paints a fresh asset with a failing ERROR check green (it used to say 'fresh')", () => {
    const state = assetBadgeState([input({ checks: "DEGRADED" }, window6h, NOW - HOUR)], NOW);
    expect(state.color).toBe("degraded");
    expect(state.message).toBe("degraded · fresh");
  });

  it("colours a failed materialization without a freshness policy degraded (it used to say 'no policy')", () => {
    expect(assetBadgeState([input({ materialization: "DEGRADED" }, null, NOW)], NOW)).toEqual({
      message: "degraded",
      color: "degraded",
    });
  });

  it("says how late a stale asset is: past the fail window, or the warn window while warning", () => {
    const last = NOW - 9 * HOUR;
    expect(assetBadgeState([input({ freshness: "DEGRADED" }, window6h, last)], NOW)).toEqual({
      message: "degraded · stale 3.0 h late",
      color: "degraded",
    });
    expect(
      assetBadgeState([input({ freshness: "WARNING" }, window6h, NOW - 4 * HOUR)], NOW),
    ).toEqual({ message: "warning · stale 1.0 h late", color: "warning" });
  });

  it("says just 'stale' when lateness cannot be known (cron policy, never materialized)", () => {
    const cron: FreshnessPolicy = {
      kind: "cron",
      deadlineCron: "0 9 * * *",
      lowerBoundDeltaSeconds: 3600,
      timezone: "UTC",
    };
    expect(
      assetBadgeState([input({ freshness: "DEGRADED" }, cron, NOW - 50 * HOUR)], NOW).message,
    ).toBe("degraded · stale");
    expect(assetBadgeState([input({ freshness: "DEGRADED" }, window6h, null)], NOW).message).toBe(
      "degraded · stale",
    );
  });

  it("lets the worst definition speak for a key defined in several deployments", () => {
    const fresh = input({}, window6h, NOW);
    const failing = input({ freshness: "DEGRADED" }, window6h, null);
    const warning = input({ checks: "WARNING" }, window6h, NOW);
    expect(assetBadgeState([fresh, warning, failing], NOW).color).toBe("degraded");
    expect(assetBadgeState([failing, warning], NOW).color).toBe("degraded");
    expect(assetBadgeState([fresh, warning], NOW).color).toBe("warning");
    expect(assetBadgeState([], NOW)).toEqual({ message: "unknown", color: "unknown" });
  });
});

describe("locationBadgeState", () => {
  it("colours each load status and adds the deploy success rate, rounded down", () => {
    expect(locationBadgeState("loaded", null)).toEqual({ message: "loaded", color: "healthy" });
    expect(locationBadgeState("failed", 0.5)).toEqual({
      message: "failed · deploys 50% ok",
      color: "degraded",
    });
    expect(locationBadgeState("loading", 299 / 300).message).toBe("loading · deploys 99% ok");
  });
});
