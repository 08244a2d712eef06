import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { repeatAfter, repeatPaced, WAKE_GAP_MS } from "./repeat";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** A task that takes `ms` of (fake) time (or `ms()`, per run) and records when each run started. */
function taking(ms: number | (() => number), starts: number[], fail = false) {
  return () =>
    new Promise<void>((resolve, reject) => {
      starts.push(Date.now());
      const took = typeof ms === "number" ? ms : ms();
      setTimeout(() => (fail ? reject(new Error("upstream down")) : resolve()), took);
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

  it("wake runs the task soon: after a 1 s gap when resting, right after the run in progress when running", async () => {
    const starts: number[] = [];
    const loop = repeatAfter(taking(2_000, starts), 0, 60_000);
    await vi.advanceTimersByTimeAsync(10_000); // resting since 2 s: at once
    let firstDone = false;
    void loop.wake().then(() => {
      firstDone = true;
    });
    await vi.advanceTimersByTimeAsync(1_000); // running since 10 s
    expect(starts).toEqual([0, 10_000]);
    expect(firstDone).toBe(false);
    const woken = [loop.wake(), loop.wake()]; // twice during one run: one more run, not two
    await vi.advanceTimersByTimeAsync(1_000); // the run ends at 12 s
    expect(firstDone).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    // Not back to back: the woken run starts WAKE_GAP_MS after the run before it ended.
    expect(starts).toEqual([0, 10_000, 12_000 + WAKE_GAP_MS]);
    await Promise.all(woken); // resolved when that run ended
    // Then the loop rests its interval again.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toEqual([0, 10_000, 13_000, 75_000]);
    loop.stop();
    await loop.wake(); // resolves at once
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toHaveLength(4);
  });

  it("a wake pending at stop resolves without a run", async () => {
    const starts: number[] = [];
    const loop = repeatAfter(taking(2_000, starts), 0, 60_000);
    await vi.advanceTimersByTimeAsync(2_500); // the run ended at 2 s: the gap holds the wake
    const woken = loop.wake();
    loop.stop();
    await woken;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toEqual([0]);
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

describe("repeatPaced", () => {
  it("rests the interval less twice the longest recent run, so a change shows within the interval", async () => {
    const starts: number[] = [];
    const loop = repeatPaced(taking(2_000, starts), 0, 30_000);
    await vi.advanceTimersByTimeAsync(100_000);
    loop.stop();
    // Each run takes 2 s and the rest is 30 − 4 = 26 s: a start every 28 s.
    expect(starts).toEqual([0, 28_000, 56_000, 84_000]);
    // The worst case: a change just after run 1 read the feed (at 28 s) is read
    // by run 2 and shown when run 2 ends: 56 + 2 − 28 = 30 s, one interval.
    expect((starts[2] as number) + 2_000 - (starts[1] as number)).toBeLessThanOrEqual(30_000);
  });

  it("remembers a slow run for four runs, and never rests under half the interval", async () => {
    const durations = [20_000, 1_000, 1_000, 1_000, 1_000, 1_000];
    const starts: number[] = [];
    const loop = repeatPaced(
      taking(() => durations.shift() ?? 1_000, starts),
      0,
      30_000,
    );
    await vi.advanceTimersByTimeAsync(200_000);
    loop.stop();
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    // 20 s + the floor of 15 s; then 1 s runs rest 15 s while the slow run is
    // among the last four; after that 30 − 2 = 28 s.
    expect(gaps.slice(0, 6)).toEqual([35_000, 16_000, 16_000, 16_000, 29_000, 29_000]);
  });

  it("keeps a short interval's rest at 1 s at least, and the interval itself when that is shorter", async () => {
    const two: number[] = [];
    const a = repeatPaced(taking(900, two), 0, 2_000);
    const one: number[] = [];
    const b = repeatPaced(taking(900, one), 0, 1_000);
    await vi.advanceTimersByTimeAsync(10_000);
    a.stop();
    b.stop();
    expect(two.slice(0, 3)).toEqual([0, 1_900, 3_800]);
    expect(one.slice(0, 3)).toEqual([0, 1_900, 3_800]);
  });
});
