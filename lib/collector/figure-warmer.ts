import "server-only";
import type { StorageConfig } from "@/lib/performance/storage-config";
import { warmPerformance } from "@/lib/performance/warm-performance";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamAssets } from "@/lib/teams/team-assets";

// Snapshots are built on demand, and the figures every viewer shares are
// memoised per snapshot content where they are defined. Left alone, the first
// request after a change would pay for all of it (seconds of CPU at 25k
// assets). This loop asks for the snapshot a moment after the collectors
// change it and works out the shared figures then, outside any request.

const CHECK_MS = 2_000;

export function startFigureWarmer(snapshot: () => Promise<HealthSnapshot>, storage: StorageConfig) {
  let warmed: string | null = null;
  let busy = false;
  const tick = async () => {
    const s = await snapshot();
    if (s.generation === warmed) return;
    warmed = s.generation;
    teamAssets(s, null); // every team's grouping: team pages, badges, overview, /metrics, alerts
    warmPerformance(s, storage);
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
