import type { RunStatus } from "@/lib/health/status-types";
import { isFailedRun } from "@/lib/metrics/definitions";

// The change feed of the incremental asset refresh: which assets the runs
// updated since the last poll planned, materialized, observed or checked.
// Dagster moves a run's updateTime on each status change, not on each event,
// so the assets of a run still in progress stay "touched" on every poll until
// a poll sees the run finished. The margin makes each poll see the runs of the
// previous minute again; a run seen before in the same status is not reported
// again, or every finished run would re-read its assets on every poll for a
// minute (150 re-reads at a 1 s interval, with the follow-up). Framework-free.

export interface ChangedRun {
  id: string;
  status: RunStatus;
  /** The code location the run belongs to; null for a run executed outside one. */
  location: string | null;
  /** Asset ids the run planned or reported (materializations, observations, check evaluations). */
  assetIds: string[];
}

export interface ChangedRunsSource {
  /** Every run updated after `updatedAfterMs` (all pages). */
  fetchChangedRuns(updatedAfterMs: number): Promise<ChangedRun[]>;
}

const FINISHED: ReadonlySet<RunStatus> = new Set(["SUCCESS", "FAILURE", "CANCELED"]);

/** Slack for clock skew between Healthboard and Dagster and for slow writes. */
export const FEED_MARGIN_MS = 60_000;

export class RunChangeFeed {
  /** Local time of the last successful poll's start. */
  private cursor: number | null = null;
  /** Runs seen unfinished, with their assets: re-touched until seen finished. */
  private readonly active = new Map<string, string[]>();
  /** Runs already reported, with the status they had and when they were last seen. */
  private readonly seen = new Map<string, { status: RunStatus; at: number }>();

  constructor(
    private readonly source: ChangedRunsSource,
    private readonly options: { now?: () => number; marginMs?: number } = {},
  ) {}

  /** Whether the feed has a cursor, i.e. a later poll can say what changed since this one. */
  get following(): boolean {
    return this.cursor !== null;
  }

  /**
   * The asset ids (and code locations) touched since the previous poll (the first poll only sets
   * the cursor: the caller sweeps everything then), and the locations of runs newly seen failed.
   * Rejects when Dagster cannot answer; the cursor then stays where it was, so nothing is skipped.
   */
  async poll(): Promise<{ assets: Set<string>; locations: Set<string>; failedIn: Set<string> }> {
    const now = (this.options.now ?? Date.now)();
    const margin = this.options.marginMs ?? FEED_MARGIN_MS;
    const since = (this.cursor ?? now) - margin;
    const runs = await this.source.fetchChangedRuns(since);
    const touched = new Set<string>();
    const locations = new Set<string>();
    const failedIn = new Set<string>();
    for (const ids of this.active.values()) for (const id of ids) touched.add(id);
    for (const run of runs) {
      const before = this.seen.get(run.id);
      this.seen.set(run.id, { status: run.status, at: now });
      if (before?.status === run.status) continue;
      for (const id of run.assetIds) touched.add(id);
      if (run.location !== null) locations.add(run.location);
      if (run.location !== null && isFailedRun(run)) failedIn.add(run.location);
      if (FINISHED.has(run.status)) this.active.delete(run.id);
      else this.active.set(run.id, run.assetIds);
    }
    // A run unseen for two margins is out of every later poll's window (unless
    // Dagster's clock is that far ahead: then it is reported once more, a
    // harmless extra read).
    for (const [id, s] of this.seen) if (now - s.at > 2 * margin) this.seen.delete(id);
    this.cursor = now;
    return { assets: touched, locations, failedIn };
  }

  /** Forgets the cursor: the next poll starts over (after a failed sweep, say). */
  reset(): void {
    this.cursor = null;
    this.active.clear();
    this.seen.clear();
  }
}
