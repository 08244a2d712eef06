import { describe, expect, it } from "vitest";
import type { FreshnessPolicy } from "@/lib/domain/types";
import { overallHealth } from "@/lib/health/health-model";
import type { HealthStatus } from "@/lib/health/status-types";
import { HOUR, SIX_HOUR_POLICY, TEST_NOW } from "@/lib/testing/status-fixtures";
import {
  type AssetBadgeInput,
  assetBadgeState,
  freshnessBadgeState,
  locationBadgeState,
  teamBadgeState,
} from "./badge-state";
import { renderBadge } from "./badge-svg";

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
    expect(assetBadgeState([input({}, window6h, NOW - HOUR)], NOW)).toMatchObject({
      message: "healthy · fresh",
      color: "healthy",
    });
    expect(assetBadgeState([input({}, null, NOW)], NOW)).toMatchObject({
      message: "healthy",
      color: "healthy",
    });
    expect(
      assetBadgeState(
        [input({ materialization: "UNKNOWN", freshness: "UNKNOWN" }, window6h, null)],
        NOW,
      ),
    ).toMatchObject({ message: "unknown", color: "unknown" });
  });

  it("never paints a fresh asset with a failing ERROR check green (it used to say 'fresh')", () => {
    const state = assetBadgeState([input({ checks: "DEGRADED" }, window6h, NOW - HOUR)], NOW);
    expect(state.color).toBe("degraded");
    expect(state.message).toBe("degraded · fresh");
  });

  it("colours a failed materialization without a freshness policy degraded (it used to say 'no policy')", () => {
    expect(assetBadgeState([input({ materialization: "DEGRADED" }, null, NOW)], NOW)).toMatchObject(
      {
        message: "degraded",
        color: "degraded",
      },
    );
  });

  it("says how late a stale asset is: past the fail window, or the warn window while warning", () => {
    const last = NOW - 9 * HOUR;
    expect(assetBadgeState([input({ freshness: "DEGRADED" }, window6h, last)], NOW)).toMatchObject({
      message: "degraded · stale 3.0 h late",
      color: "degraded",
    });
    expect(
      assetBadgeState([input({ freshness: "WARNING" }, window6h, NOW - 4 * HOUR)], NOW),
    ).toMatchObject({ message: "warning · stale 1.0 h late", color: "warning" });
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

describe("assetBadgeState reasons (the SVG title)", () => {
  const failingCheck = {
    ...input({ checks: "DEGRADED" }, window6h, NOW - HOUR),
    checks: [
      { name: "auc_above_threshold", outcome: "failed" as const },
      { name: "rows_present", outcome: "passed" as const },
    ],
  };

  it("names the failing ERROR check", () => {
    expect(assetBadgeState([failingCheck], NOW).reason).toBe(
      "degraded: check auc_above_threshold failed (ERROR)",
    );
  });

  it("names the failed run and its error, the class once", () => {
    const failed = {
      ...input({ materialization: "DEGRADED" }, null, NOW - 5 * HOUR),
      failedRun: {
        id: "1a2b3c4d-5e6f",
        error: {
          className: "RuntimeError",
          message: "RuntimeError: CUDA out of memory while training\nsecond line",
          stepKey: "recommendation_model",
        },
      },
    };
    expect(assetBadgeState([failed], NOW).reason).toBe(
      "degraded: run 1a2b3c4d… failed: RuntimeError: CUDA out of memory while training",
    );
    const bare = {
      ...failed,
      failedRun: { id: "ffff0000aaaa", error: { ...failed.failedRun.error, message: "boom" } },
    };
    expect(assetBadgeState([bare], NOW).reason).toBe(
      "degraded: run ffff0000… failed: RuntimeError: boom",
    );
  });

  it("says how far past its window a stale asset is", () => {
    const stale = input({ freshness: "DEGRADED" }, window6h, NOW - 9 * HOUR);
    expect(assetBadgeState([stale], NOW).reason).toBe(
      "degraded: stale, 3.0 h past its 6.0 h window",
    );
    const warn = input({ freshness: "WARNING" }, window6h, NOW - 4 * HOUR);
    expect(assetBadgeState([warn], NOW).reason).toBe(
      "warning: stale, 1.0 h past its 3.0 h warn window",
    );
  });

  it("names the WARN check of a warning asset, and nothing for a healthy one", () => {
    const warned = {
      ...input({ checks: "WARNING" }, null, NOW),
      checks: [{ name: "revenue_positive", outcome: "warning" as const }],
    };
    expect(assetBadgeState([warned], NOW).reason).toBe(
      "warning: check revenue_positive failed (WARN)",
    );
    expect(assetBadgeState([input({}, null, NOW)], NOW).reason).toBeUndefined();
  });

  it("carries the reason into the SVG title in place of the short message", () => {
    const state = assetBadgeState([failingCheck], NOW);
    expect(renderBadge({ label: "churn_model", ...state })).toContain(
      "<title>churn_model: degraded: check auc_above_threshold failed (ERROR)</title>",
    );
  });
});

describe("freshnessBadgeState (?show=freshness)", () => {
  it("shows the freshness verdict alone, even for an asset degraded by a check", () => {
    expect(freshnessBadgeState([input({ checks: "DEGRADED" }, window6h, NOW - HOUR)], NOW)).toEqual(
      {
        message: "fresh",
        color: "healthy",
        reason: "fresh: materialized 1.0 h ago, within its 6.0 h window",
      },
    );
  });

  it("says how late a stale asset is, in the freshness colour", () => {
    const stale = freshnessBadgeState(
      [input({ freshness: "DEGRADED" }, window6h, NOW - 9 * HOUR)],
      NOW,
    );
    expect(stale).toEqual({
      message: "stale 3.0 h late",
      color: "degraded",
      reason: "stale: 3.0 h past its 6.0 h window",
    });
    expect(
      freshnessBadgeState([input({ freshness: "WARNING" }, window6h, NOW - 4 * HOUR)], NOW).color,
    ).toBe("warning");
  });

  it("says 'no policy' without one, and 'unknown' before Dagster evaluates it", () => {
    expect(
      freshnessBadgeState([input({ materialization: "DEGRADED" }, null, NOW)], NOW),
    ).toMatchObject({
      message: "no policy",
      color: "inactive",
    });
    expect(
      freshnessBadgeState([input({ freshness: "UNKNOWN" }, window6h, NOW)], NOW),
    ).toMatchObject({
      message: "unknown",
      color: "unknown",
    });
  });

  it("takes the worst freshness over definitions, ignoring those without a policy", () => {
    const fresh = input({}, window6h, NOW);
    const stale = input({ freshness: "DEGRADED" }, window6h, NOW - 9 * HOUR);
    const noPolicy = input({ materialization: "DEGRADED" }, null, NOW);
    expect(freshnessBadgeState([fresh, stale], NOW).color).toBe("degraded");
    expect(freshnessBadgeState([fresh, noPolicy], NOW).color).toBe("healthy");
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

  it("rounds down the share, not its floating-point error, and never onto 0% above none", () => {
    // 0.58 * 100 is 57.99999999999999: floored as it is, 29 of 50 read 57%.
    expect(locationBadgeState("loaded", 29 / 50).message).toBe("loaded · deploys 58% ok");
    expect(locationBadgeState("loaded", 57 / 100).message).toBe("loaded · deploys 57% ok");
    expect(locationBadgeState("loaded", 1 / 1000).message).toBe("loaded · deploys <1% ok");
    expect(locationBadgeState("loaded", 0).message).toBe("loaded · deploys 0% ok");
  });
});
