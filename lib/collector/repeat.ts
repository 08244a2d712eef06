/** A loop that runs an async task on a fixed period; `stop()` ends it. */
export interface Repeating {
  stop(): void;
}

/**
 * Runs `fn` after `firstDelayMs`, then every `intervalMs` counted from each
 * run's start; a run that takes longer than that is followed at once, so runs
 * never overlap. Counting from the end instead let a change wait an interval
 * plus a refresh's own duration: past "shown within one refresh interval".
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
    timer = setTimeout(tick, Math.max(0, startedAt + intervalMs - now()));
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
