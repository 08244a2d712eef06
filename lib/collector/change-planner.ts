import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { freshnessMayHaveMoved } from "./change-freshness";

// Decides what one asset-status refresh re-reads: everything (a sweep) on the
// first refresh, after a failure, and every `sweepMs` as a safety net; else
// only what changed since the last refresh: assets the change feed names,
// every asset of a location whose version key moved, assets never read, and
// assets whose freshness may have moved with time alone. A touched asset (or
// an asset of a location whose version key moved) stays re-read for `followUpMs`, because Dagster's daemon writes its freshness
// verdict some seconds after the run that moved it. Framework-free.

export interface RefreshPlan {
  /** Local time the plan was made: every asset not re-read is known unchanged as of it. */
  at: number;
  sweep: boolean;
  /** With sweep false: the asset ids to re-read. */
  ids: ReadonlySet<string>;
}

export interface PlannedLocation {
  name: string;
  versionKey: string;
  assets: readonly AssetDefinition[];
}

export class ChangePlanner {
  private lastSweepAt: number | null = null;
  private lastRefreshAt: number | null = null;
  private readonly versionKeys = new Map<string, string>();
  /** Asset id → until when it is re-read after it was last touched. */
  private readonly followUntil = new Map<string, number>();

  constructor(private readonly options: { sweepMs: number; followUpMs: number }) {}

  /**
   * @param touched asset ids the change feed reported, or null when the feed
   *   could not say (no cursor yet, or Dagster failed to answer): sweep then.
   */
  plan(
    now: number,
    locations: readonly PlannedLocation[],
    statuses: ReadonlyMap<string, AssetStatus>,
    touched: ReadonlySet<string> | null,
  ): RefreshPlan {
    const due =
      touched === null ||
      this.lastSweepAt === null ||
      this.lastRefreshAt === null ||
      now - this.lastSweepAt >= this.options.sweepMs;
    if (due) return { at: now, sweep: true, ids: new Set() };
    const since = this.lastRefreshAt ?? now;
    for (const id of touched) this.followUntil.set(id, now + this.options.followUpMs);
    // A reload (or a break, or its fix) moves the version key, and Dagster's
    // daemon evaluates the location's freshness again on its own cadence
    // after it: read once at the reload, its assets would keep the verdict
    // from before that evaluation until the next sweep. Follow them up too.
    for (const loc of locations)
      if (this.versionKeys.get(loc.name) !== loc.versionKey)
        for (const a of loc.assets) this.followUntil.set(a.id, now + this.options.followUpMs);
    const ids = new Set<string>();
    for (const [id, until] of this.followUntil) {
      if (until < now) this.followUntil.delete(id);
      else ids.add(id);
    }
    for (const loc of locations) {
      const moved = this.versionKeys.get(loc.name) !== loc.versionKey;
      for (const a of loc.assets) {
        const status = statuses.get(a.id);
        if (
          moved ||
          !status ||
          freshnessMayHaveMoved(
            a.freshnessPolicy,
            status.lastMaterializedAt,
            since,
            now,
            this.options.followUpMs,
          )
        )
          ids.add(a.id);
      }
    }
    return { at: now, sweep: false, ids };
  }

  /**
   * Records a finished refresh. A refresh with errors does not count: the
   * next one sweeps, so nothing the feed reported is lost with a failed batch.
   */
  done(plan: RefreshPlan, ok: boolean, locations: readonly PlannedLocation[]): void {
    if (!ok) {
      this.lastSweepAt = null;
      return;
    }
    this.lastRefreshAt = plan.at;
    if (plan.sweep) this.lastSweepAt = plan.at;
    this.versionKeys.clear();
    for (const loc of locations) this.versionKeys.set(loc.name, loc.versionKey);
  }
}
