import type { RunFacts, RunOutcome, RunRecord } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";
import { isFailedRun } from "@/lib/metrics/definitions";
import { attributeRun, type JobAssetIndex, jobAssetIndex } from "@/lib/runs/attribute-run";
import { mapLimit } from "./map-limit";

// Keeps each location's runs over a sliding window, attributed to assets. The
// first fetch takes the whole window (created after its start); later fetches
// take only runs updated since the previous fetch, minus a margin for clock
// skew and slow writes. Only failed runs cost a read of their own events, once
// per run id (a failed run is finished and never changes); the rest are
// attributed from the run list and the location's definitions.

export interface RunSource {
  /** Every run of the location matching the filter, all pages. */
  fetchRuns(
    location: string,
    filter: { createdAfter?: number; updatedAfter?: number },
  ): Promise<RunFacts[]>;
  /** What a finished run planned, materialized and failed, from its events. */
  fetchOutcome(runId: string): Promise<RunOutcome>;
}

/** A location as the run collector needs it: its name and its asset definitions. */
export interface RunLocation {
  name: string;
  assets: readonly AssetDefinition[];
}

const MARGIN_MS = 60_000;

export class RunCollector {
  private readonly facts = new Map<string, Map<string, RunFacts>>();
  private readonly records = new Map<string, Map<string, RunRecord>>();
  /** Outcomes of failed runs by run id; dropped with their run. */
  private readonly outcomes = new Map<string, RunOutcome>();
  /** Per location: the definitions its records were attributed with. */
  private readonly attributedWith = new Map<string, string>();
  private readonly lastFetch = new Map<string, number>();
  /** Locations whose last fetch failed: asked again even when named unchanged. */
  private readonly failed = new Set<string>();
  private asOfByLocation = new Map<string, number>();
  private lastError: string | null = null;

  constructor(
    private readonly source: RunSource,
    private readonly options: {
      windowMs: number;
      now?: () => number;
      /** Failed runs whose events are read in one refresh; the rest wait for the next. */
      maxOutcomeReads?: number;
      outcomeParallelism?: number;
    },
  ) {}

  /**
   * Resolves true when any run was added, changed or dropped. Locations in
   * `unchanged` (the change feed saw none of their runs updated since their
   * last fetch) are not asked about; their runs still leave the window, and
   * their next fetch starts from their last one, so nothing is skipped.
   */
  async refresh(
    locations: readonly RunLocation[],
    unchanged: ReadonlySet<string> = new Set(),
  ): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    const windowStart = now - this.options.windowMs;
    const errors: string[] = [];
    const dirty = new Set<string>();
    for (const location of locations) {
      const previous = this.lastFetch.get(location.name);
      const held = this.facts.get(location.name);
      // The change feed names a run once: a location whose fetch failed since is
      // asked again even when the feed saw nothing new, or that run would be lost.
      if (
        previous !== undefined &&
        held &&
        unchanged.has(location.name) &&
        !this.failed.has(location.name)
      ) {
        for (const [id, run] of held) if (run.createdAt < windowStart) held.delete(id);
        this.asOfByLocation.set(location.name, now);
        continue;
      }
      const filter =
        previous === undefined
          ? { createdAfter: windowStart / 1000 }
          : { updatedAfter: (previous - MARGIN_MS) / 1000 };
      try {
        const fetched = await this.source.fetchRuns(location.name, filter);
        const byId = this.facts.get(location.name) ?? new Map<string, RunFacts>();
        for (const run of fetched) {
          byId.set(run.id, run);
          dirty.add(run.id);
        }
        for (const [id, run] of byId) {
          if (run.createdAt < windowStart) {
            byId.delete(id);
            this.outcomes.delete(id);
          }
        }
        this.facts.set(location.name, byId);
        this.lastFetch.set(location.name, now);
        this.asOfByLocation.set(location.name, now);
        this.failed.delete(location.name);
      } catch (err) {
        this.failed.add(location.name);
        errors.push(`${location.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const outcomeError = await this.readOutcomes(dirty);
    if (outcomeError) errors.push(outcomeError);

    const live = new Set(locations.map((l) => l.name));
    for (const name of [...this.facts.keys()]) {
      if (!live.has(name)) {
        for (const id of this.facts.get(name)?.keys() ?? []) this.outcomes.delete(id);
        this.facts.delete(name);
        this.lastFetch.delete(name);
        this.failed.delete(name);
        this.asOfByLocation.delete(name);
      }
    }
    let changed = this.attributeAll(locations, dirty);
    const error = errors[0] ?? null;
    if (error !== this.lastError) changed = true;
    this.lastError = error;
    return changed;
  }

  /** Reads the events of failed runs not read yet, newest first, within the per-refresh bound. */
  private async readOutcomes(dirty: Set<string>): Promise<string | null> {
    const pending = [...this.facts.values()]
      .flatMap((m) => [...m.values()])
      .filter((r) => isFailedRun(r) && !this.outcomes.has(r.id))
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, this.options.maxOutcomeReads ?? 200);
    let error: string | null = null;
    await mapLimit(pending, this.options.outcomeParallelism ?? 4, async (run) => {
      try {
        this.outcomes.set(run.id, await this.source.fetchOutcome(run.id));
        dirty.add(run.id);
      } catch (err) {
        // Attributed from the run list meanwhile; read again next refresh.
        error ??= `run ${run.id}: ${err instanceof Error ? err.message : String(err)}`;
      }
    });
    return error;
  }

  /** Rebuilds the records whose facts or outcome changed, or all of a location whose definitions changed. */
  private attributeAll(locations: readonly RunLocation[], dirty: ReadonlySet<string>): boolean {
    let changed = false;
    for (const name of [...this.records.keys()]) {
      if (!this.facts.has(name)) {
        this.records.delete(name);
        this.attributedWith.delete(name);
        changed = true;
      }
    }
    for (const location of locations) {
      const facts = this.facts.get(location.name);
      if (!facts) continue;
      const signature = definitionsSignature(location.assets);
      const redo = this.attributedWith.get(location.name) !== signature;
      const records = this.records.get(location.name) ?? new Map<string, RunRecord>();
      for (const id of records.keys()) {
        if (!facts.has(id)) {
          records.delete(id); // left the window
          changed = true;
        }
      }
      let index: JobAssetIndex | null = null;
      for (const [id, run] of facts) {
        const old = records.get(id);
        if (old && !redo && !dirty.has(id)) continue;
        index ??= jobAssetIndex(location.assets);
        const record = attributeRun(run, this.outcomes.get(id) ?? null, index);
        if (!old || JSON.stringify(old) !== JSON.stringify(record)) changed = true;
        records.set(id, record);
      }
      this.records.set(location.name, records);
      this.attributedWith.set(location.name, signature);
    }
    return changed;
  }

  state(): { runs: RunRecord[]; asOf: number | null; error: string | null } {
    const runs = [...this.records.values()].flatMap((m) => [...m.values()]);
    runs.sort((a, b) => b.createdAt - a.createdAt);
    const times = [...this.asOfByLocation.values()];
    return { runs, asOf: times.length ? Math.min(...times) : null, error: this.lastError };
  }
}

/** What attribution reads of a location's definitions: each asset's jobs and ops. */
function definitionsSignature(assets: readonly AssetDefinition[]): string {
  return JSON.stringify(assets.map((a) => [a.id, a.jobNames, a.opNames]));
}
