import type { MaterializationRecord } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";
import { mapLimit } from "./map-limit";

// Materialization history of every asset over a sliding window, fetched
// incrementally: the whole window once, then only what is newer than the last
// fetch (minus a margin), in batches of keys. Framework-free.

export interface MaterializationSource {
  /** Per asset id, materializations after `afterMs`, newest first, at most `limit` each. */
  fetchSince(
    batch: readonly AssetDefinition[],
    afterMs: number,
    limit: number,
  ): Promise<Map<string, MaterializationRecord[]>>;
}

const MARGIN_MS = 60_000;
const PER_ASSET_LIMIT = 1_000;

export class MaterializationCollector {
  private readonly history = new Map<string, MaterializationRecord[]>();
  private lastFetch: number | null = null;
  private asOf: number | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly source: MaterializationSource,
    private readonly options: {
      windowMs: number;
      batchSize: number;
      parallelism: number;
      now?: () => number;
    },
  ) {}

  /** Resolves true when any asset's history gained or lost an entry. */
  async refresh(assets: readonly AssetDefinition[]): Promise<boolean> {
    let changed = false;
    const now = (this.options.now ?? Date.now)();
    const windowStart = now - this.options.windowMs;
    // Assets first seen since the last fetch need their whole window.
    const known = assets.filter((a) => this.history.has(a.id));
    const fresh = assets.filter((a) => !this.history.has(a.id));
    const jobs: [AssetDefinition[], number][] = [];
    const batch = (list: AssetDefinition[], after: number) => {
      for (let i = 0; i < list.length; i += this.options.batchSize) {
        jobs.push([list.slice(i, i + this.options.batchSize), after]);
      }
    };
    batch(fresh, windowStart);
    batch(known, this.lastFetch === null ? windowStart : this.lastFetch - MARGIN_MS);
    const errors: string[] = [];
    await mapLimit(jobs, this.options.parallelism, async ([assetsInBatch, after]) => {
      try {
        const result = await this.source.fetchSince(assetsInBatch, after, PER_ASSET_LIMIT);
        for (const a of assetsInBatch) {
          const merged = new Map(
            (this.history.get(a.id) ?? []).map((m) => [`${m.runId}@${m.at}`, m]),
          );
          for (const m of result.get(a.id) ?? []) merged.set(`${m.runId}@${m.at}`, m);
          const next = [...merged.values()]
            .filter((m) => m.at >= windowStart)
            .sort((x, y) => x.at - y.at);
          const before = this.history.get(a.id);
          if (!before || before.length !== next.length || before.at(-1)?.at !== next.at(-1)?.at)
            changed = true;
          this.history.set(a.id, next);
        }
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    });
    const live = new Set(assets.map((a) => a.id));
    for (const id of this.history.keys()) {
      if (!live.has(id)) {
        this.history.delete(id);
        changed = true;
      }
    }
    const error = errors[0] ?? null;
    if (error !== this.lastError) changed = true;
    this.lastError = error;
    if (errors.length === 0) {
      this.lastFetch = now;
      this.asOf = now;
    }
    return changed;
  }

  state(): {
    history: ReadonlyMap<string, MaterializationRecord[]>;
    asOf: number | null;
    error: string | null;
  } {
    return { history: this.history, asOf: this.asOf, error: this.lastError };
  }
}
