import { describe, expect, it } from "vitest";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { HOUR } from "@/lib/testing/status-fixtures";
import { deployImpact, describeImpact } from "./deploy-impact";
import type { ConsumerAsset } from "./location-graph";

const features: ConsumerAsset = { deployment: "prod", location: "ml", assetId: "features" };
const report: ConsumerAsset = { deployment: "prod", location: "finance", assetId: "report" };
const at = Date.UTC(2026, 11, 1, 10, 2);
const failed = (id: string, t: number, asset: string, location = "ml") =>
  run(id, t, "FAILURE", { ...failedOn(asset), location });

describe("deployImpact", () => {
  const base = {
    deploy: { deployment: "prod", location: "analytics", at, version: "abc123" },
    consumers: [features, report],
    now: at + 24 * HOUR,
    dataFrom: at - 10 * HOUR,
  };

  it("counts consumer failures after the deploy against the rate before it", () => {
    const runs = [
      failed("before", at - 5 * HOUR, "features"),
      failed("after-1", at + HOUR, "features"),
      failed("after-2", at + 2 * HOUR, "features"),
      failed("after-3", at + 3 * HOUR, "features"),
      failed("too-late", at + 7 * HOUR, "features"),
      run("ok", at + HOUR, "SUCCESS", { plannedAssetIds: ["features"] }),
      run("cancel", at + HOUR, "CANCELED", failedOn("features")),
      failed("other-asset", at + HOUR, "unrelated"),
      { ...failed("other-deployment", at + HOUR, "features"), deployment: "staging" },
    ];
    const impact = deployImpact({ ...base, runs });
    expect(impact.afterUntil).toBe(at + 6 * HOUR);
    expect(impact.baselineSince).toBe(base.dataFrom);
    const ml = impact.consumers[0];
    expect(ml).toMatchObject({
      location: "ml",
      failures: 3,
      failedAssets: ["features"],
      elevated: true,
    });
    expect(ml?.baselinePerHour).toBeCloseTo(1 / 10);
    expect(ml?.perHourAfter).toBeCloseTo(3 / 6);
    expect(impact.consumers[1]).toMatchObject({
      location: "finance",
      failures: 0,
      elevated: false,
    });
    expect(impact.elevated).toBe(true);
    expect(describeImpact(impact, ml as never)).toBe(
      "analytics abc123 at 10:02 UTC was followed by 3 failures in ml (baseline 0.1 per hour)",
    );
  });

  it("is not elevated when failures go on at the usual rate", () => {
    const runs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((h) =>
      failed(`r${h}`, at - 10 * HOUR + h * HOUR, "report", "finance"),
    );
    runs.push(failed("after", at + 2 * HOUR, "report", "finance"));
    const impact = deployImpact({ ...base, runs });
    const finance = impact.consumers.find((c) => c.location === "finance");
    expect(finance).toMatchObject({ failures: 1, elevated: false });
    expect(impact.elevated).toBe(false);
  });

  it("stops the window at the next deploy and now, and reports degraded consumers", () => {
    const impact = deployImpact({
      ...base,
      now: at + 4 * HOUR,
      nextDeployAt: at + 2 * HOUR,
      runs: [failed("after-next", at + 3 * HOUR, "features")],
      isDegradedNow: (a) => a.assetId === "report",
    });
    expect(impact.afterUntil).toBe(at + 2 * HOUR);
    expect(impact.consumers.map((c) => [c.location, c.failures, c.degradedNow])).toEqual([
      ["finance", 0, ["report"]],
      ["ml", 0, []],
    ]);
    expect(impact.elevated).toBe(true);
  });

  it("has no baseline when Healthboard holds no runs from before the deploy", () => {
    const impact = deployImpact({
      ...base,
      dataFrom: at,
      runs: [failed("after", at + HOUR, "features")],
    });
    expect(impact.consumers[0]).toMatchObject({ baselinePerHour: null, elevated: true });
    expect(describeImpact(impact, impact.consumers[0] as never)).toContain("(no baseline)");
  });
});
