import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { mapLimit } from "./map-limit";

// Refreshes the status of every known asset in batches of keys with bounded
// parallelism. A failed batch keeps its assets' last good statuses, so one
// slow or failing request never blanks the rest. Framework-free.

export interface AssetStatusSource {
  fetchStatuses(batch: readonly AssetDefinition[]): Promise<Map<string, AssetStatus>>;
}

export interface AssetStatusState {
  statuses: ReadonlyMap<string, AssetStatus>;
  /** The oldest successful batch time of the current statuses (epoch ms), or null. */
  asOf: number | null;
  error: string | null;
}

export class AssetStatusCollector {
  private statuses = new Map<string, AssetStatus>();
  private fetchedAt = new Map<string, number>();
  private lastError: string | null = null;

  constructor(
    private readonly source: AssetStatusSource,
    private readonly options: { batchSize: number; parallelism: number; now?: () => number },
  ) {}

  /**
   * One refresh of the given assets: ⌈N / batchSize⌉ upstream requests, or,
   * with `only`, just those of them it names (the incremental refresh,
   * lib/collector/change-planner.ts). The rest keep their statuses, known
   * unchanged as of `confirmedAt` (when the change feed was read).
   * Resolves true when any status differs from before, so the snapshot (and
   * every ETag derived from it) changes only when the content does.
   * `frozen` (the last known assets of a location that fails to load) are not
   * asked about but keep their last known statuses: without loaded
   * definitions Dagster would answer for them without checks or policies.
   */
  async refresh(
    assets: readonly AssetDefinition[],
    frozen: readonly AssetDefinition[] = [],
    incremental?: { only: ReadonlySet<string>; confirmedAt: number },
  ): Promise<boolean> {
    let changed = false;
    const now = this.options.now ?? Date.now;
    const toRead = incremental ? assets.filter((a) => incremental.only.has(a.id)) : assets;
    const batches: AssetDefinition[][] = [];
    for (let i = 0; i < toRead.length; i += this.options.batchSize) {
      batches.push(toRead.slice(i, i + this.options.batchSize));
    }
    const errors: string[] = [];
    await mapLimit(batches, this.options.parallelism, async (batch) => {
      try {
        const result = await this.source.fetchStatuses(batch);
        const at = now();
        for (const [id, status] of result) {
          const before = this.statuses.get(id);
          if (!before || JSON.stringify(before) !== JSON.stringify(status)) changed = true;
          this.statuses.set(id, status);
          this.fetchedAt.set(id, at);
        }
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    });
    // Forget assets that are no longer defined.
    const live = new Set([...assets, ...frozen].map((a) => a.id));
    for (const id of this.statuses.keys()) {
      if (!live.has(id)) {
        this.statuses.delete(id);
        this.fetchedAt.delete(id);
        changed = true;
      }
    }
    if (incremental && errors.length === 0) {
      for (const a of assets) {
        const at = this.fetchedAt.get(a.id);
        if (at !== undefined && at < incremental.confirmedAt)
          this.fetchedAt.set(a.id, incremental.confirmedAt);
      }
    }
    const error = errors[0] ?? null;
    if (error !== this.lastError) changed = true;
    this.lastError = error;
    return changed;
  }

  state(): AssetStatusState {
    let asOf: number | null = null;
    for (const t of this.fetchedAt.values()) asOf = asOf === null ? t : Math.min(asOf, t);
    return { statuses: this.statuses, asOf, error: this.lastError };
  }
}
