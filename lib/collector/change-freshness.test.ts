import { describe, expect, it } from "vitest";
import type { FreshnessPolicy } from "@/lib/domain/types";
import { freshnessInstants, freshnessMayHaveMoved } from "./change-freshness";

const hour = 3_600_000;
const window: FreshnessPolicy = {
  kind: "time-window",
  failWindowSeconds: 24 * 3600,
  warnWindowSeconds: 12 * 3600,
};
const cron: FreshnessPolicy = {
  kind: "cron",
  deadlineCron: "0 9 * * *",
  lowerBoundDeltaSeconds: 3600,
  timezone: "UTC",
};

describe("freshnessInstants", () => {
  it("puts the warn and fail instants after the last materialization", () => {
    expect(freshnessInstants(window, 1_000)).toEqual([1_000 + 12 * hour, 1_000 + 24 * hour]);
  });
  it("has no instant before the first materialization, and none it can compute for cron", () => {
    expect(freshnessInstants(window, null)).toEqual([]);
    expect(freshnessInstants(cron, 0)).toBeNull();
  });
});

describe("freshnessMayHaveMoved", () => {
  const mat = 10 * hour;
  const failAt = mat + 24 * hour;
  it("is false while no instant has passed and true once one has", () => {
    expect(freshnessMayHaveMoved(window, mat, mat, mat + 11 * hour, 0)).toBe(false);
    expect(freshnessMayHaveMoved(window, mat, mat + 11 * hour, mat + 13 * hour, 0)).toBe(true);
  });
  it("keeps following an instant for the follow-up period, then stops", () => {
    const followUp = 90_000;
    expect(freshnessMayHaveMoved(window, mat, failAt + 60_000, failAt + 90_000, followUp)).toBe(
      true,
    );
    expect(freshnessMayHaveMoved(window, mat, failAt + 100_000, failAt + 130_000, followUp)).toBe(
      false,
    );
  });
  it("always re-reads cron policies and never assets without a policy", () => {
    expect(freshnessMayHaveMoved(cron, mat, mat, mat + 1, 0)).toBe(true);
    expect(freshnessMayHaveMoved(null, mat, 0, failAt * 2, 0)).toBe(false);
  });
});
