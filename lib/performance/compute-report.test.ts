import { describe, expect, it } from "vitest";
import type { StepTiming } from "@/lib/domain/run-types";
import { timeWindow } from "@/lib/teams/time-range";
import { run } from "@/lib/testing/run-fixtures";
import { computeReport } from "./compute-report";

const H = 3_600_000;
const DAY = 24 * H;
const NOW = Date.UTC(2026, 11, 2); // midnight: day buckets are whole
const w = timeWindow("7d", NOW);
const step = (key: string, startedAt: number | null, endedAt: number | null): StepTiming => ({
  key,
  status: endedAt === null ? "IN_PROGRESS" : "SUCCESS",
  startedAt,
  endedAt,
});

describe("computeReport", () => {
  const dayA = NOW - 3 * DAY;
  const dayB = NOW - 2 * DAY;
  const runs = [
    // ml: two steps of 30 s and 90 s on day A, queued 2 minutes.
    run("r1", dayA, "SUCCESS", {
      startedAt: dayA + 120_000,
      steps: [step("a", dayA + 200_000, dayA + 230_000), step("b", dayA + 240_000, dayA + 330_000)],
    }),
    // ml: a 10-minute step on day B, queued 4 minutes.
    run("r2", dayB, "FAILURE", {
      startedAt: dayB + 240_000,
      steps: [step("train", dayB + 300_000, dayB + 900_000), step("skipped", null, null)],
    }),
    // analytics: one 45 s step, queued 1 minute; a step still running does not count yet.
    run("r3", dayB, "SUCCESS", {
      location: "analytics",
      startedAt: dayB + 60_000,
      steps: [step("load", dayB + 70_000, dayB + 115_000), step("live", dayB + 120_000, null)],
    }),
    // A step that ended before the window is outside it.
    run("old", NOW - 9 * DAY, "SUCCESS", {
      steps: [step("x", NOW - 9 * DAY, NOW - 9 * DAY + 1_000_000)],
    }),
  ];
  const report = computeReport(runs, w);

  it("sums step execution time per location over steps that ended in the window", () => {
    const ml = report.locations.find((l) => l.location === "ml");
    const analytics = report.locations.find((l) => l.location === "analytics");
    expect(ml?.stepSeconds).toBe(30 + 90 + 600);
    expect(ml?.steps).toBe(3);
    expect(analytics?.stepSeconds).toBe(45);
    expect(report.totalStepSeconds).toBe(765);
    // Largest first.
    expect(report.locations[0]?.location).toBe("ml");
  });

  it("puts each step's time in the bucket of the day it ended", () => {
    const cells = report.buckets.map((b) => [b.bucket, b.location, b.stepSeconds]);
    expect(cells).toEqual([
      [dayA, "ml", 120],
      [dayB, "analytics", 45],
      [dayB, "ml", 600],
    ]);
  });

  it("gives queue time percentiles from creation to start of runs created in the window", () => {
    const ml = report.locations.find((l) => l.location === "ml");
    // Queue times 2 and 4 minutes: nearest-rank p50 is 2, p95 is 4.
    expect(ml?.queueP50Ms).toBe(120_000);
    expect(ml?.queueP95Ms).toBe(240_000);
    expect(ml?.runs).toBe(2);
  });

  it("lists the longest steps first, naming run, job and location", () => {
    expect(report.longestSteps.map((s) => [s.stepKey, s.durationMs, s.runId])).toEqual([
      ["train", 600_000, "r2"],
      ["b", 90_000, "r1"],
      ["load", 45_000, "r3"],
      ["a", 30_000, "r1"],
    ]);
  });

  it("averages runs in progress and queued over each bucket", () => {
    const live = computeReport(
      [
        // Queued for the last 6 hours of the window, still queued now.
        run("q", NOW - 6 * H, "QUEUED", { startedAt: null, endedAt: null }),
        // Running 12 hours of the last day, still running.
        run("s", NOW - 12 * H, "STARTED", { startedAt: NOW - 12 * H, endedAt: null }),
      ],
      w,
    );
    const last = live.concurrency.at(-1);
    expect(last?.bucket).toBe(NOW - DAY);
    expect(last?.queued).toBeCloseTo(6 / 24, 9);
    expect(last?.inProgress).toBeCloseTo(12 / 24, 9);
    const row = live.locations[0];
    expect([row?.queued, row?.inProgress]).toEqual([1, 1]);
  });
});
