/** A loop that runs an async task again and again; `stop()` ends it. */
export interface Repeating {
  stop(): void;
}

/**
 * Runs `fn` after `firstDelayMs`, then `intervalMs` after each run ends, so
 * runs never overlap and a Dagster slowed by load is polled less often, not
 * back to back. A change therefore waits at most the refresh in progress, an
 * interval and its own read. (Counting from each run's start instead, even
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
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    await fn().catch(() => undefined);
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref?.();
  };
  timer = setTimeout(tick, firstDelayMs);
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
