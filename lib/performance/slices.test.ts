import { describe, expect, it } from "vitest";
import { runNow, runSliced, type Steps } from "./slices";

/** Sums 0..n-1, pausing after each number, spending `spinMs` of CPU per step. */
function* sum(n: number, spinMs = 0): Steps<number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const until = performance.now() + spinMs;
    while (performance.now() < until) {}
    total += i;
    yield;
  }
  return total;
}

describe("runNow", () => {
  it("runs every step and returns the value", () => {
    expect(runNow(sum(100))).toBe(4_950);
  });
});

describe("runSliced", () => {
  it("returns the same value as runNow", async () => {
    expect(await runSliced(sum(100))).toBe(runNow(sum(100)));
  });

  it("gives the event loop back once a slice has used its budget", async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    // 20 steps of at least 2 ms with a 5 ms budget: a pause after the third step at the latest.
    await runSliced(sum(20, 2), 5, pause);
    expect(pauses).toBeGreaterThanOrEqual(6);
    expect(pauses).toBeLessThanOrEqual(20);
    pauses = 0;
    await runSliced(sum(20), 10_000, pause); // fast steps, a large budget: never
    expect(pauses).toBe(0);
  });

  it("lets timers run between slices, which one synchronous pass does not", async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 1);
    try {
      runNow(sum(40, 2)); // ~80 ms in one go: no tick can run during it
      const before = ticks.length;
      await runSliced(sum(40, 2), 5);
      expect(ticks.length - before).toBeGreaterThanOrEqual(5);
    } finally {
      clearInterval(timer);
    }
  });
});
