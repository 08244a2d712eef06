/** A loop that runs an async task on a fixed period; `stop()` ends it. */
export interface Repeating {
  stop(): void;
}

/**
 * Runs `fn` after `firstDelayMs`, then every `intervalMs` counted from each
 * run's start, so a change waits at most an interval plus one run (counting
 * from the end let it wait an interval plus two). Runs never overlap, and
 * after a run that took most of the interval or more the next waits at least
 * half an interval: with no rest, a Dagster slowed by load got slower runs
 * back to back from every collector (the e2e suite's 1–2 s intervals pinned
 * its webserver at 90% CPU and timed tests out).
 * `fn` keeps its errors in its own state; a rejection here is ignored.
 */
export function repeatFromStart(
  fn: () => Promise<void>,
  firstDelayMs: number,
  intervalMs: number,
  now: () => number = Date.now,
): Repeating {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    const startedAt = now();
    await fn().catch(() => undefined);
    if (stopped) return;
    timer = setTimeout(tick, Math.max(intervalMs / 2, startedAt + intervalMs - now()));
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
