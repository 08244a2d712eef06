// Where the first-pages warm-up stands (lib/runtime/page-warm-up.ts), for the
// readiness probe. On globalThis: instrumentation.ts and the route handlers are
// bundled apart, so a module-level variable set by one would not be seen by the other.

/**
 * "idle": never started (start-up stopped before it): nothing to wait for.
 * "done": over, whatever each page answered; "skipped": not tried (dev server,
 * access control, unknown port), with a log line saying why.
 */
export type WarmUpState = "idle" | "pending" | "done" | "skipped";

const holder = globalThis as typeof globalThis & { __healthboardWarmUp?: WarmUpState };

export function warmUpState(): WarmUpState {
  return holder.__healthboardWarmUp ?? "idle";
}

export function setWarmUpState(state: WarmUpState): void {
  holder.__healthboardWarmUp = state;
}

/** Whether readiness may be reported: anything but a warm-up still running. */
export function warmUpSettled(): boolean {
  return warmUpState() !== "pending";
}
