import "server-only";
import { runSliced } from "@/lib/performance/slices";
import type { StorageConfig } from "@/lib/performance/storage-config";
import { warmPerformanceSteps } from "@/lib/performance/warm-performance";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamIndex } from "@/lib/teams/team-assets";

// Snapshots are built on demand, and the figures every viewer shares are
// memoised per snapshot content where they are defined. Left alone, the first
// request after a change would pay for all of it (seconds of CPU at 25k
// assets). This loop asks for the snapshot a moment after the collectors
// change it and works out the shared figures then, outside any request, in
// slices of at most ~20 ms (lib/performance/slices.ts): done in one go it held
// the event loop for over a second at 25k assets, and every request waited.

const CHECK_MS = 2_000;
/** Longest the warmer holds the event loop at once (plus one short step). */
const SLICE_MS = 20;

export function startFigureWarmer(snapshot: () => Promise<HealthSnapshot>, storage: StorageConfig) {
  let warmed: string | null = null;
  let busy = false;
  const tick = async () => {
    const s = await snapshot();
    if (s.generation === warmed) return;
    warmed = s.generation;
    // Every team's grouping: team pages, badges, overview, /metrics, alerts.
    await runSliced(teamIndex.steps(s), SLICE_MS);
    await runSliced(warmPerformanceSteps(s, storage), SLICE_MS);
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void tick()
      .catch(() => undefined) // the next change tries again; requests still compute on their own
      .finally(() => {
        busy = false;
      });
  }, CHECK_MS);
  timer.unref();
}
