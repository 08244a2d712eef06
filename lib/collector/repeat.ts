/** A loop that runs an async task again and again; `stop()` ends it. */
export interface Repeating {
  stop(): void;
  /**
   * Runs the task soon instead of after its whole rest: right after the run in
   * progress, else at once, but never sooner than `WAKE_GAP_MS` after the last
   * run ended. Resolves when that run has ended (at once when stopped).
   */
  wake(): Promise<void>;
}

/** The least rest before a woken run: a woken loop still never polls back to back. */
export const WAKE_GAP_MS = 1_000;

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
  let endedAt: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  /** Wakers of the next run to start, and of the run in progress. */
  let next: (() => void)[] = [];
  let current: (() => void)[] = [];
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  const settle = (wakers: (() => void)[]) => {
    for (const resolve of wakers) resolve();
  };
  const tick = async () => {
    if (stopped) return;
    running = true;
    current = next;
    next = [];
    const started = Date.now();
    await fn().catch(() => undefined);
    running = false;
    endedAt = Date.now();
    settle(current);
    current = [];
    if (stopped) return;
    const rest = restMs(endedAt - started); // a paced loop records every run's duration
    schedule(next.length > 0 ? WAKE_GAP_MS : rest);
  };
  schedule(firstDelayMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      settle(next);
      next = [];
    },
    wake() {
      if (stopped) return Promise.resolve();
      return new Promise<void>((resolve) => {
        next.push(resolve);
        if (running) return; // the run in progress schedules it when it ends
        const since = endedAt === null ? WAKE_GAP_MS : Date.now() - endedAt;
        schedule(Math.max(0, WAKE_GAP_MS - since));
      });
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
