import { afterEach, describe, expect, it, vi } from "vitest";
import type { HealthboardConfig } from "@/lib/config/config-schema";
import { DagsterGraphQLError, DagsterHttpError, DagsterTimeoutError } from "@/lib/dagster/errors";

// When the hourly Insights read runs: a read that failed in a way that may
// pass is tried again after 5 minutes, not an hour (the transport does not
// retry a timeout itself); one that will not pass waits the hour.
const dagsterRequest = vi.fn();
vi.mock("@/lib/dagster/transport", () => ({
  dagsterRequest: (...args: unknown[]) => dagsterRequest(...args),
}));

const CONFIG = {
  deployments: [{ name: "cloud", kind: "plus", graphqlUrl: "http://127.0.0.1:9/graphql" }],
  refresh: { requestTimeoutSeconds: 15, runsWindowDays: 7 },
} as unknown as HealthboardConfig;
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
  dagsterRequest.mockReset();
});

describe("startInsights", () => {
  it("reads again 5 minutes after a failed read, and an hour after a good one", async () => {
    vi.useFakeTimers();
    const { startInsights, currentInsights } = await import("./insights-collector");
    const { DagsterTimeoutError } = await import("@/lib/dagster/errors");
    // Fails until told otherwise; each read stops at its first request when it fails.
    let failing = true;
    dagsterRequest.mockImplementation(async () => {
      if (failing) throw new DagsterTimeoutError("cloud", "timed out after 15000 ms");
      const empty = { __typename: "ReportingMetrics", timestamps: [], metrics: [] };
      return { reportingMetricsByJob: empty, reportingMetricsByAsset: empty };
    });
    startInsights(CONFIG, () => []);
    await vi.advanceTimersByTimeAsync(0);
    expect(dagsterRequest).toHaveBeenCalledTimes(1);
    expect(currentInsights()).toEqual([]);

    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1_000);
    expect(dagsterRequest).toHaveBeenCalledTimes(1);
    failing = false;
    await vi.advanceTimersByTimeAsync(1_000);
    const afterGoodRead = dagsterRequest.mock.calls.length;
    expect(afterGoodRead).toBeGreaterThan(1);
    expect(currentInsights().map((i) => i.deployment)).toEqual(["cloud"]);

    // A good read: the next one is an hour away.
    await vi.advanceTimersByTimeAsync(59 * MINUTE);
    expect(dagsterRequest).toHaveBeenCalledTimes(afterGoodRead);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(dagsterRequest.mock.calls.length).toBeGreaterThan(afterGoodRead);
  });

  it("waits the hour after a failure that will not pass, and never less than a Retry-After", async () => {
    // Imported afresh, as the collector is (modules are reset between tests).
    const { retryDelayMs } = await import("./insights-collector");
    const { DagsterGraphQLError, DagsterHttpError, DagsterTimeoutError } = await import(
      "@/lib/dagster/errors"
    );
    expect(retryDelayMs(new DagsterTimeoutError("cloud", "timed out"))).toBe(5 * MINUTE);
    expect(retryDelayMs(new DagsterHttpError("cloud", 503, undefined))).toBe(5 * MINUTE);
    expect(retryDelayMs(new DagsterHttpError("cloud", 429, 20 * MINUTE))).toBe(20 * MINUTE);
    expect(retryDelayMs(new DagsterHttpError("cloud", 401, undefined))).toBe(60 * MINUTE);
    expect(retryDelayMs(new DagsterGraphQLError("cloud", ["Insights not enabled"]))).toBe(
      60 * MINUTE,
    );
    expect(retryDelayMs(new Error("a bug"))).toBe(60 * MINUTE);
  });
});
