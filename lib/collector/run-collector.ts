import type { RunRecord } from "@/lib/domain/run-types";

// Keeps each location's runs over a sliding window. The first fetch takes the
// whole window (created after its start); later fetches take only runs updated
// since the previous fetch, minus a margin for clock skew and slow writes.

export interface RunSource {
  /** Every run of the location matching the filter, all pages. */
  fetchRuns(
    location: string,
    filter: { createdAfter?: number; updatedAfter?: number },
  ): Promise<RunRecord[]>;
}

const MARGIN_MS = 60_000;

export class RunCollector {
  private readonly runs = new Map<string, Map<string, RunRecord>>();
  private readonly lastFetch = new Map<string, number>();
  private asOfByLocation = new Map<string, number>();
  private lastError: string | null = null;

  constructor(
    private readonly source: RunSource,
    private readonly options: { windowMs: number; now?: () => number },
  ) {}

  /** Resolves true when any run was added, changed or dropped. */
  async refresh(locations: readonly string[]): Promise<boolean> {
    let changed = false;
    const now = (this.options.now ?? Date.now)();
    const windowStart = now - this.options.windowMs;
    const errors: string[] = [];
    for (const location of locations) {
      const previous = this.lastFetch.get(location);
      const filter =
        previous === undefined
          ? { createdAfter: windowStart / 1000 }
          : { updatedAfter: (previous - MARGIN_MS) / 1000 };
      try {
        const fetched = await this.source.fetchRuns(location, filter);
        const byId = this.runs.get(location) ?? new Map<string, RunRecord>();
        for (const run of fetched) {
          const before = byId.get(run.id);
          if (!before || JSON.stringify(before) !== JSON.stringify(run)) changed = true;
          byId.set(run.id, run);
        }
        for (const [id, run] of byId) {
          if (run.createdAt < windowStart) {
            byId.delete(id);
            changed = true;
          }
        }
        this.runs.set(location, byId);
        this.lastFetch.set(location, now);
        this.asOfByLocation.set(location, now);
      } catch (err) {
        errors.push(`${location}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const live = new Set(locations);
    for (const location of [...this.runs.keys()]) {
      if (!live.has(location)) {
        this.runs.delete(location);
        this.lastFetch.delete(location);
        this.asOfByLocation.delete(location);
        changed = true;
      }
    }
    const error = errors[0] ?? null;
    if (error !== this.lastError) changed = true;
    this.lastError = error;
    return changed;
  }

  state(): { runs: RunRecord[]; asOf: number | null; error: string | null } {
    const runs = [...this.runs.values()].flatMap((m) => [...m.values()]);
    runs.sort((a, b) => b.createdAt - a.createdAt);
    const times = [...this.asOfByLocation.values()];
    return { runs, asOf: times.length ? Math.min(...times) : null, error: this.lastError };
  }
}
