import { afterEach, describe, expect, it, vi } from "vitest";
import type { HealthboardConfig } from "@/lib/config/config-schema";

// When the hourly Insights read runs: a failed read is tried again after
// 5 minutes, not an hour (the transport does not retry a timeout itself).
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
});

describe("startInsights", () => {
  it("reads again 5 minutes after a failed read, and an hour after a good one", async () => {
    vi.useFakeTimers();
    const { startInsights, currentInsights } = await import("./insights-collector");
    // Fails until told otherwise; each read stops at its first request when it fails.
    let failing = true;
    dagsterRequest.mockImplementation(async () => {
      if (failing) throw new Error("timed out after 15000 ms");
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
});
