import { describe, expect, it } from "vitest";
import type { RunRecord } from "@/lib/domain/run-types";
import { assetId } from "@/lib/domain/types";
import { timeWindow } from "@/lib/teams/time-range";
import { COMPUTE_SOURCE, computeReport, INSIGHTS_SOURCE } from "./compute-report";
import { withInsights } from "./insights-compute";
import type { DeploymentInsights, InsightsDay } from "./to-insights";

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 2, 12);
const today = Date.UTC(2026, 11, 2);
const w7 = timeWindow("7d", now);

const run = (deployment: string, location: string, stepMs: number): RunRecord => ({
  id: `${deployment}-${location}`,
  deployment,
  location,
  job: "j",
  status: "SUCCESS",
  createdAt: now - 3 * DAY,
  startedAt: now - 3 * DAY,
  endedAt: now - 3 * DAY + stepMs,
  updatedAt: now - 3 * DAY + stepMs,
  failureReason: null,
  plannedAssetIds: [],
  materializedAssetIds: null,
  failedAssetIds: [],
  error: null,
  steps: [
    { key: "s", status: "SUCCESS", startedAt: now - 3 * DAY, endedAt: now - 3 * DAY + stepMs },
  ],
});

const day = (at: number, executionSeconds: number, credits: number | null = null): InsightsDay => ({
  day: at,
  executionSeconds,
  credits,
});

const cloud: DeploymentInsights = {
  deployment: "cloud",
  at: now,
  hasCredits: true,
  locations: [
    {
      location: "analytics",
      days: [day(today - 2 * DAY, 500, 4), day(today - 30 * DAY, 9_999, 99)],
    },
  ],
  assets: [
    {
      id: assetId(["orders"]),
      location: "analytics",
      days: [day(today - 2 * DAY, 200, 1.5), day(today - DAY, 100)],
    },
    // Another team's asset in the same location: not the team's compute.
    { id: assetId(["other"]), location: "analytics", days: [day(today - 2 * DAY, 300, 2.5)] },
  ],
};

const team = [
  { deployment: "cloud", location: "analytics", id: assetId(["orders"]) },
  { deployment: "oss", location: "ml", id: assetId(["churn"]) },
];
const runs = [run("cloud", "analytics", 60_000), run("oss", "ml", 45_000)];

describe("withInsights", () => {
  it("uses Insights for the team's assets in a Dagster+ location and runs elsewhere", () => {
    const got = withInsights(computeReport(runs, w7), [cloud], team, w7);
    const analytics = got.locations.find((l) => l.location === "analytics");
    const ml = got.locations.find((l) => l.location === "ml");
    // orders' two days in the window; "other" is not the team's.
    expect(analytics).toMatchObject({
      stepSeconds: 300,
      credits: 1.5,
      source: INSIGHTS_SOURCE,
      locationSeconds: 500, // the day 30 days ago is outside the 7-day window
      locationCredits: 4,
      runs: 1, // run counts still come from runs read by Healthboard
    });
    expect(ml).toMatchObject({ stepSeconds: 45, credits: null, source: COMPUTE_SOURCE });
    expect(got.totalStepSeconds).toBe(345);
    expect(got.totalCredits).toBe(1.5);
    expect(got.source).toContain(INSIGHTS_SOURCE);
    expect(got.source).toContain(COMPUTE_SOURCE);
    expect(got.buckets.filter((b) => b.location === "analytics")).toEqual([
      {
        bucket: today - 2 * DAY,
        location: "analytics",
        stepSeconds: 200,
        credits: 1.5,
        source: INSIGHTS_SOURCE,
      },
      {
        bucket: today - DAY,
        location: "analytics",
        stepSeconds: 100,
        credits: null,
        source: INSIGHTS_SOURCE,
      },
    ]);
    expect(got.buckets.filter((b) => b.location === "ml").map((b) => b.source)).toEqual([
      COMPUTE_SOURCE,
    ]);
  });

  it("leaves open-source teams exactly as the runs give them", () => {
    const report = computeReport(runs, w7);
    const ossOnly = team.filter((a) => a.deployment === "oss");
    expect(withInsights(report, [cloud], ossOnly, w7)).toBe(report);
    expect(withInsights(report, [], team, w7)).toBe(report);
    expect(report.totalCredits).toBeNull();
  });

  it("keeps runs for hourly ranges and says why", () => {
    const w24 = timeWindow("24h", now);
    const got = withInsights(computeReport(runs, w24), [cloud], team, w24);
    expect(got.locations.every((l) => l.source === COMPUTE_SOURCE)).toBe(true);
    expect(got.insightsNote).toMatch(/daily/);
  });

  it("adds a row for a Dagster+ location whose runs Healthboard has not seen", () => {
    const got = withInsights(computeReport([], w7), [cloud], team, w7);
    expect(got.locations).toEqual([
      expect.objectContaining({
        location: "analytics",
        stepSeconds: 300,
        runs: 0,
        source: INSIGHTS_SOURCE,
      }),
    ]);
  });

  it("shows no credits when Insights have none", () => {
    const noCredits: DeploymentInsights = {
      ...cloud,
      hasCredits: false,
      locations: [],
      assets: [{ id: assetId(["orders"]), location: "analytics", days: [day(today - DAY, 70)] }],
    };
    const got = withInsights(computeReport(runs, w7), [noCredits], team, w7);
    expect(got.locations.find((l) => l.location === "analytics")).toMatchObject({
      stepSeconds: 70,
      credits: null,
      locationSeconds: null,
    });
    expect(got.totalCredits).toBeNull();
  });
});
