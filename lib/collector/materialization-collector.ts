import type { MaterializationRecord } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";
import { mapLimit } from "./map-limit";

// Materialization history of every asset over a sliding window, fetched
// incrementally: the whole window once, then only what is newer than the last
// fetch (minus a margin), in batches of keys. A full page is followed with its
// cursor, one asset at a time, up to MAX_PAGES; an asset still not exhausted
// then is marked partial from the oldest event held, so figures treat the time
// before it as "no data" instead of counting it empty. Framework-free.

export interface MaterializationPage {
  records: MaterializationRecord[];
  /** Where the next page of this asset starts; null when Dagster gave none. */
  cursor: string | null;
}

export interface MaterializationSource {
  /**
   * Per asset id, one page of materializations after `afterMs`, at most
   * `limit` each; with `cursor`, the page after it.
   */
  fetchPage(
    batch: readonly AssetDefinition[],
    afterMs: number,
    limit: number,
    cursor?: string,
  ): Promise<Map<string, MaterializationPage>>;
}

const MARGIN_MS = 60_000;
export const PAGE_LIMIT = 1_000;
/** Pages per asset and refresh: 20,000 events, about one every 2 minutes over 30 days. */
export const MAX_PAGES = 20;

export interface MaterializationHistoryState {
  history: ReadonlyMap<string, MaterializationRecord[]>;
  /** Per asset id whose history hit the page bound: the time its held history starts from. */
  partialFrom: ReadonlyMap<string, number>;
  asOf: number | null;
  error: string | null;
}

export class MaterializationCollector {
  private readonly history = new Map<string, MaterializationRecord[]>();
  private readonly partialFrom = new Map<string, number>();
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
      pageLimit?: number;
      maxPages?: number;
    },
  ) {}

  /** Every page of each asset of the batch after `after`, up to the bound. */
  private async fetchAll(
    batch: readonly AssetDefinition[],
    after: number,
  ): Promise<Map<string, { records: MaterializationRecord[]; truncated: boolean }>> {
    const limit = this.options.pageLimit ?? PAGE_LIMIT;
    const maxPages = this.options.maxPages ?? MAX_PAGES;
    const first = await this.source.fetchPage(batch, after, limit);
    const out = new Map<string, { records: MaterializationRecord[]; truncated: boolean }>();
    for (const a of batch) {
      let page = first.get(a.id);
      const records = [...(page?.records ?? [])];
      let pages = 1;
      while (page && page.records.length >= limit && page.cursor !== null && pages < maxPages) {
        page = (await this.source.fetchPage([a], after, limit, page.cursor)).get(a.id);
        records.push(...(page?.records ?? []));
        pages++;
      }
      const truncated = !!page && page.records.length >= limit;
      out.set(a.id, { records, truncated });
    }
    return out;
  }

  /**
   * Resolves true when any asset's history gained or lost an entry, or its
   * partial mark changed. With `only` (the incremental refresh), known assets
   * it does not name are not asked about: the change feed says no run touched
   * them. Those it names are read from the last full fetch on, which stays
   * the start of the next full fetch, so nothing between two sweeps is skipped.
   */
  async refresh(assets: readonly AssetDefinition[], only?: ReadonlySet<string>): Promise<boolean> {
    let changed = false;
    const now = (this.options.now ?? Date.now)();
    const windowStart = now - this.options.windowMs;
    // Assets first seen since the last fetch need their whole window.
    const known = assets.filter((a) => this.history.has(a.id) && (!only || only.has(a.id)));
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
        const result = await this.fetchAll(assetsInBatch, after);
        for (const a of assetsInBatch) {
          const got = result.get(a.id);
          const merged = new Map(
            (this.history.get(a.id) ?? []).map((m) => [`${m.runId}@${m.at}`, m]),
          );
          for (const m of got?.records ?? []) merged.set(`${m.runId}@${m.at}`, m);
          const next = [...merged.values()]
            .filter((m) => m.at >= windowStart)
            .sort((x, y) => x.at - y.at);
          const before = this.history.get(a.id);
          if (!before || before.length !== next.length || before.at(-1)?.at !== next.at(-1)?.at)
            changed = true;
          this.history.set(a.id, next);
          if (got?.truncated) {
            // Events older than the oldest fetched may be missing (a gap
            // behind what this fetch returned): history counts from there.
            const from = Math.min(...got.records.map((m) => m.at));
            const was = this.partialFrom.get(a.id);
            if (was === undefined || from > was) {
              this.partialFrom.set(a.id, from);
              changed = true;
            }
          }
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
    // A partial mark ends once the gap behind it has slid out of the window.
    for (const [id, from] of this.partialFrom) {
      if (!live.has(id) || from <= windowStart) {
        this.partialFrom.delete(id);
        changed = true;
      }
    }
    const error = errors[0] ?? null;
    if (error !== this.lastError) changed = true;
    this.lastError = error;
    if (errors.length === 0) {
      if (!only || this.lastFetch === null) this.lastFetch = now;
      this.asOf = now;
    }
    return changed;
  }

  state(): MaterializationHistoryState {
    return {
      history: this.history,
      partialFrom: this.partialFrom,
      asOf: this.asOf,
      error: this.lastError,
    };
  }
}
