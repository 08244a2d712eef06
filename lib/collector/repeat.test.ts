import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { repeatFromStart } from "./repeat";

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

describe("repeatFromStart", () => {
  it("starts runs one interval apart, however long each run takes within it", async () => {
    const starts: number[] = [];
    const loop = repeatFromStart(taking(4_000, starts), 1_000, 30_000);
    await vi.advanceTimersByTimeAsync(95_000);
    loop.stop();
    expect(starts).toEqual([1_000, 31_000, 61_000, 91_000]);
  });

  it("rests half an interval after a run that took most of it or longer, never overlapping", async () => {
    const starts: number[] = [];
    const loop = repeatFromStart(taking(45_000, starts), 0, 30_000);
    await vi.advanceTimersByTimeAsync(130_000);
    loop.stop();
    expect(starts).toEqual([0, 60_000, 120_000]);
    const nearly: number[] = [];
    const again = repeatFromStart(taking(25_000, nearly), 0, 30_000);
    await vi.advanceTimersByTimeAsync(90_000);
    again.stop();
    expect(nearly.map((at) => at - (nearly[0] as number))).toEqual([0, 40_000, 80_000]);
  });

  it("keeps going after a failed run", async () => {
    const starts: number[] = [];
    const loop = repeatFromStart(taking(10, starts, true), 0, 5_000);
    await vi.advanceTimersByTimeAsync(12_000);
    loop.stop();
    expect(starts).toEqual([0, 5_000, 10_000]);
  });

  it("runs nothing after stop, even when stopped during a run", async () => {
    const starts: number[] = [];
    const loop = repeatFromStart(taking(2_000, starts), 0, 5_000);
    await vi.advanceTimersByTimeAsync(1_000);
    loop.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toEqual([0]);
  });
});
