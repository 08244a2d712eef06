import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { repeatAfter } from "./repeat";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** A task that takes `ms` of (fake) time and records when each run started. */
function taking(ms: number, starts: number[], fail = false) {
  return () =>
    new Promise<void>((resolve, reject) => {
      starts.push(Date.now());
      setTimeout(() => (fail ? reject(new Error("upstream down")) : resolve()), ms);
    });
}

describe("repeatAfter", () => {
  it("waits the interval after each run ends, so a slow run is never followed at once", async () => {
    const starts: number[] = [];
    const loop = repeatAfter(taking(4_000, starts), 1_000, 30_000);
    await vi.advanceTimersByTimeAsync(100_000);
    loop.stop();
    expect(starts).toEqual([1_000, 35_000, 69_000]);
    const slow: number[] = [];
    const again = repeatAfter(taking(45_000, slow), 0, 30_000);
    await vi.advanceTimersByTimeAsync(160_000);
    again.stop();
    expect(slow.map((at) => at - (slow[0] as number))).toEqual([0, 75_000, 150_000]);
  });

  it("keeps going after a failed run", async () => {
    const starts: number[] = [];
    const loop = repeatAfter(taking(10, starts, true), 0, 5_000);
    await vi.advanceTimersByTimeAsync(12_000);
    loop.stop();
    expect(starts).toEqual([0, 5_010, 10_020]);
  });

  it("runs nothing after stop, even when stopped during a run", async () => {
    const starts: number[] = [];
    const loop = repeatAfter(taking(2_000, starts), 0, 5_000);
    await vi.advanceTimersByTimeAsync(1_000);
    loop.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toEqual([0]);
  });
});
