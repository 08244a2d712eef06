import { describe, expect, it } from "vitest";
import type { FreshnessPolicy } from "@/lib/domain/types";
import { assetBadgeState, locationBadgeState, teamBadgeState } from "./badge-state";

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;
const window6h: FreshnessPolicy = {
  kind: "time-window",
  failWindowSeconds: 6 * 3600,
  warnWindowSeconds: 3 * 3600,
};

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

describe("assetBadgeState", () => {
  it("reads Dagster's freshness verdict", () => {
    const fresh = {
      policy: window6h,
      freshness: "HEALTHY" as const,
      lastMaterializedAt: NOW - HOUR,
    };
    expect(assetBadgeState([fresh], NOW)).toEqual({ message: "fresh", color: "healthy" });
    expect(
      assetBadgeState(
        [{ policy: null, freshness: "NOT_APPLICABLE", lastMaterializedAt: NOW }],
        NOW,
      ),
    ).toEqual({ message: "no policy", color: "inactive" });
    expect(assetBadgeState([{ ...fresh, freshness: null }], NOW)).toEqual({
      message: "unknown",
      color: "unknown",
    });
  });

  it("says how late a stale asset is: past the fail window, or the warn window while warning", () => {
    const last = NOW - 9 * HOUR;
    expect(
      assetBadgeState([{ policy: window6h, freshness: "DEGRADED", lastMaterializedAt: last }], NOW),
    ).toEqual({ message: "stale · 3.0 h late", color: "degraded" });
    expect(
      assetBadgeState(
        [{ policy: window6h, freshness: "WARNING", lastMaterializedAt: NOW - 4 * HOUR }],
        NOW,
      ),
    ).toEqual({ message: "stale · 1.0 h late", color: "warning" });
  });

  it("says just 'stale' when lateness cannot be known (cron policy, never materialized)", () => {
    const cron: FreshnessPolicy = {
      kind: "cron",
      deadlineCron: "0 9 * * *",
      lowerBoundDeltaSeconds: 3600,
      timezone: "UTC",
    };
    expect(
      assetBadgeState(
        [{ policy: cron, freshness: "DEGRADED", lastMaterializedAt: NOW - 50 * HOUR }],
        NOW,
      ).message,
    ).toBe("stale");
    expect(
      assetBadgeState([{ policy: window6h, freshness: "DEGRADED", lastMaterializedAt: null }], NOW)
        .message,
    ).toBe("stale");
  });

  it("lets the worst definition speak for a key defined in several deployments", () => {
    const fresh = { policy: window6h, freshness: "HEALTHY" as const, lastMaterializedAt: NOW };
    const failing = { policy: window6h, freshness: "DEGRADED" as const, lastMaterializedAt: null };
    const warning = { policy: window6h, freshness: "WARNING" as const, lastMaterializedAt: null };
    expect(assetBadgeState([fresh, warning, failing], NOW).color).toBe("degraded");
    expect(assetBadgeState([failing, warning], NOW).color).toBe("degraded");
    expect(assetBadgeState([fresh, warning], NOW).color).toBe("warning");
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
