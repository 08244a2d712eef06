/** A loop that runs an async task again and again; `stop()` ends it. */
export interface Repeating {
  stop(): void;
  /** Runs the task now instead of after its rest (right after the run in progress, if any). */
  wake(): void;
}

/**
 * Runs `fn` after `firstDelayMs`, then `intervalMs` after each run ends, so
 * runs never overlap and a Dagster slowed by load is polled less often, not
 * back to back. A change therefore waits at most the refresh in progress, an
 * interval and its own read (the incremental asset loop paces itself to do
 * better: `repeatPaced`). (Counting from each run's start instead, even
 * with half an interval's rest, kept the e2e suite's fault Dagster from
 * recovering within its 20 s and loaded its webserver: the 1–2 s intervals
 * there are shorter than a refresh under load.)
 * `fn` keeps its errors in its own state; a rejection here is ignored.
 */
export function repeatAfter(
  fn: () => Promise<void>,
  firstDelayMs: number,
  intervalMs: number,
): Repeating {
  return repeatWithRest(fn, firstDelayMs, () => intervalMs);
}

/** Runs `fn`, then waits `restMs(how long it took)` after each run ends. */
function repeatWithRest(
  fn: () => Promise<void>,
  firstDelayMs: number,
  restMs: (tookMs: number) => number,
): Repeating {
  let stopped = false;
  let running = false;
  let woken = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  const tick = async () => {
    if (stopped) return;
    running = true;
    woken = false;
    const started = Date.now();
    await fn().catch(() => undefined);
    running = false;
    if (stopped) return;
    schedule(woken ? 0 : restMs(Date.now() - started));
  };
  schedule(firstDelayMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    wake() {
      if (stopped) return;
      if (running) woken = true;
      else schedule(0);
    },
  };
}

/** How many recent runs the paced loop's rest is measured against. */
const PACE_RUNS = 4;

/**
 * Like `repeatAfter`, but the rest after a run is the interval less twice the
 * longest of the last four runs, never under half the interval or 1 s.
 * Why: the asset loop promises that a change made in Dagster shows within one
 * interval. A change that lands just after a run read the change feed waits
 * out the rest of that run (d), the rest, and the next run (d'): with
 * d, d' ≤ the longest recent run M, that is at most interval − 2M + 2M.
 * When runs take more than a quarter of the interval (a loaded Dagster, a
 * full sweep), the floor wins: Dagster gets its rest and a change may take
 * up to interval / 2 + 2M. Runs never overlap.
 */
export function repeatPaced(
  fn: () => Promise<void>,
  firstDelayMs: number,
  intervalMs: number,
): Repeating {
  const recent: number[] = [];
  const floorMs = Math.min(intervalMs, Math.max(intervalMs / 2, 1_000));
  return repeatWithRest(fn, firstDelayMs, (tookMs) => {
    recent.push(tookMs);
    if (recent.length > PACE_RUNS) recent.shift();
    return Math.max(floorMs, intervalMs - 2 * Math.max(...recent));
  });
}
