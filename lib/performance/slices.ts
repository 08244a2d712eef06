// Long computations written as generators that `yield` at points where they
// may pause: run to the end at once where a caller needs the value now
// (runNow), or in slices that give the event loop back whenever one has taken
// its budget (runSliced), so a background pass never holds up requests.

export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the value. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the steps, pausing (setImmediate: I/O and timers run in between)
 * whenever a slice has run `budgetMs`. A slice overruns its budget by at most
 * one step, so steps should be short (a few hundred nodes or edges).
 */
export async function runSliced<T>(
  steps: Steps<T>,
  budgetMs = 20,
  pause: () => Promise<void> = nextTurn,
): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
