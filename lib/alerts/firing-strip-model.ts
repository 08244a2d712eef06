import type { AlertState } from "./alert-types";
import { type AlertRow, alertRows, firingFor } from "./alerts-view";

// What a firing-alerts strip shows. A strip is an aside on the overview and
// the team page: when the alert store cannot be read (a database down, a
// store not opened) or answers too slowly, the strip says "alerts unavailable"
// and the page renders all the same. Pure apart from the reader passed in.

export type FiringStripModel =
  | { available: true; rows: AlertRow[] }
  | { available: false; reason: string };

/** How long a page waits for the alert store before showing the strip as unavailable. */
export const STRIP_TIMEOUT_MS = 2_000;

/** Firing rows for `filter` from `readActive`; never rejects. */
export async function loadFiringStrip(
  readActive: () => Promise<AlertState[]>,
  filter: { team?: string; asset?: string },
  timeoutMs = STRIP_TIMEOUT_MS,
): Promise<FiringStripModel> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the alert store did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const active = await Promise.race([Promise.resolve().then(readActive), timeout]);
    return { available: true, rows: firingFor(alertRows(active), filter) };
  } catch (err) {
    return { available: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
