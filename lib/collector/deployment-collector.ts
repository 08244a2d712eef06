import { setTimeout as delay } from "node:timers/promises";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import { DeployRecorder } from "@/lib/deploys/record-deploys";
import type { DeploymentSnapshot } from "@/lib/domain/types";
import type { DeploymentInput } from "@/lib/snapshot/build-snapshot";
import { AssetStatusCollector, type AssetStatusSource } from "./asset-status-collector";
import { ChangePlanner, type PlannedLocation } from "./change-planner";
import { type ChangedRunsSource, RunChangeFeed } from "./change-runs";
import { LocationCollector, type LocationSource } from "./location-collector";
import { MaterializationCollector, type MaterializationSource } from "./materialization-collector";
import { type Repeating, repeatAfter, repeatPaced } from "./repeat";
import { RunCollector, type RunSource } from "./run-collector";

/** How long an asset refresh that saw a run fail waits for the run's error to be read. */
const FAILED_RUN_WAIT_MS = 5_000;

// One per configured deployment per server process. Three loops poll Dagster
// on their own intervals, whoever is looking: the cheap location-status poll,
// asset statuses in key batches, and runs per location. Readers only ever see
// the latest state, so upstream load does not grow with viewers.

/** What a collector holds: the snapshot's input for one deployment, plus its generation. */
export interface DeploymentState extends DeploymentInput {
  /** Bumped on every change a reader could see; keys snapshot caches. */
  generation: number;
}

export interface DeploymentCollectorOptions {
  locationIntervalMs: number;
  assetIntervalMs: number;
  runsIntervalMs: number;
  runsWindowMs: number;
  batchSize?: number;
  parallelism?: number;
  /** Incremental refresh: the full sweep's period (the safety net) and the follow-up of a touched asset. */
  sweepMs?: number;
  followUpMs?: number;
}

export class DeploymentCollector {
  readonly locations: LocationCollector;
  private readonly assets: AssetStatusCollector;
  private readonly runs: RunCollector;
  private readonly materializations: MaterializationCollector;
  private readonly repositories = new Map<string, string[]>();
  private readonly recorder: DeployRecorder;
  private generation = 0;
  /** Without a change source every refresh is a full sweep, as before. */
  private readonly changes: { feed: RunChangeFeed; planner: ChangePlanner } | null;
  /** Asset ids the feed reported since the last history refresh; null after a gap in the feed. */
  private touchedSinceRuns: Set<string> | null = null;
  /** Code locations with runs the feed reported since the last history refresh. */
  private locationsSinceRuns = new Set<string>();
  private lastHistorySweep: number | null = null;
  /** The one pending timer of each loop. */
  private readonly loops: Repeating[] = [];
  private runsLoop: Repeating | null = null;
  /** The runs refresh a newly failed run woke, until the asset refresh that saw it ends. */
  private runsRead: Promise<void> | null = null;
  private firstCycle: Promise<void> | null = null;
  private stopped = false;

  constructor(
    readonly deployment: string,
    sources: {
      locations: LocationSource;
      statuses: AssetStatusSource;
      materializations: MaterializationSource;
      runs: (repositoriesOf: (location: string) => string[]) => RunSource;
      changes?: ChangedRunsSource;
    },
    deploys: DeployStore,
    private readonly options: DeploymentCollectorOptions,
  ) {
    this.recorder = new DeployRecorder(deploys);
    this.locations = new LocationCollector(deployment, sources.locations, {
      maxAgeMs: options.locationIntervalMs,
    });
    this.assets = new AssetStatusCollector(sources.statuses, {
      batchSize: options.batchSize ?? 250,
      parallelism: options.parallelism ?? 2,
    });
    this.runs = new RunCollector(
      sources.runs((location) => this.repositories.get(location) ?? ["__repository__"]),
      { windowMs: options.runsWindowMs },
    );
    this.changes = sources.changes
      ? {
          feed: new RunChangeFeed(sources.changes),
          planner: new ChangePlanner({
            sweepMs: options.sweepMs ?? 1_800_000,
            followUpMs: options.followUpMs ?? 90_000,
          }),
        }
      : null;
    this.materializations = new MaterializationCollector(sources.materializations, {
      windowMs: options.runsWindowMs,
      batchSize: options.batchSize ?? 250,
      parallelism: options.parallelism ?? 2,
    });
  }

  /** Polls location statuses and records deploy transitions. */
  async refreshLocations(): Promise<void> {
    const before = signature(this.locations.current());
    const snap = await this.locations.revalidate();
    if (snap.error === null) {
      const now = Date.now();
      for (const loc of snap.locations) {
        if (loc.repositories.length > 0) this.repositories.set(loc.name, loc.repositories);
        await this.recorder.record(loc, now);
      }
    }
    if (signature(snap) !== before) this.generation++;
  }

  async refreshAssets(): Promise<void> {
    const locations = this.locations.current().locations;
    const up = locations.filter((l) => !l.down);
    const live = up.flatMap((l) => l.assets);
    const frozen = locations.filter((l) => l.down).flatMap((l) => l.assets);
    if (!this.changes) {
      if (await this.assets.refresh(live, frozen)) this.generation++;
      return;
    }
    const { feed, planner } = this.changes;
    const now = Date.now();
    const touched = await this.pollChanges(feed);
    const planned: PlannedLocation[] = up.map((l) => ({
      name: l.name,
      versionKey: l.versionKey,
      assets: l.assets,
    }));
    const plan = planner.plan(now, planned, this.assets.state().statuses, touched);
    const incremental = plan.sweep ? undefined : { only: plan.ids, confirmedAt: plan.at };
    const changed = await this.assets.refresh(live, frozen, incremental);
    if (this.runsRead) {
      // A newly failed run: its error joins the generation that shows the
      // asset degraded, since an alert on it quotes the error (bounded, so a
      // long history pass in progress cannot hold the statuses back).
      await Promise.race([this.runsRead, delay(FAILED_RUN_WAIT_MS, undefined, { ref: false })]);
      this.runsRead = null;
    }
    if (changed) this.generation++;
    planner.done(plan, this.assets.state().error === null, planned);
  }

  /** The feed's touched assets, or null when it cannot say what changed (first poll, failure). */
  private async pollChanges(feed: RunChangeFeed): Promise<Set<string> | null> {
    const following = feed.following;
    try {
      const touched = await feed.poll();
      if (!following) return null;
      for (const id of touched.assets) this.touchedSinceRuns?.add(id);
      for (const name of touched.locations) this.locationsSinceRuns.add(name);
      // A failed run's error is what its alert and the failing-now list quote:
      // read it now, not a runs interval after the asset shows degraded.
      if (touched.failedIn.size > 0) this.runsRead = this.runsLoop?.wake() ?? null;
      return touched.assets;
    } catch {
      this.touchedSinceRuns = null;
      return null;
    }
  }

  /** Runs and materialization history: the slower, history-shaped data. */
  async refreshRuns(): Promise<void> {
    const locations = this.locations.current().locations;
    // History follows the change feed too: only the assets runs touched since
    // the last history refresh, with a full pass every sweep period.
    const now = Date.now();
    const sweep =
      !this.changes ||
      this.touchedSinceRuns === null ||
      this.lastHistorySweep === null ||
      now - this.lastHistorySweep >= (this.options.sweepMs ?? 1_800_000);
    const only = sweep ? undefined : (this.touchedSinceRuns ?? undefined);
    const unchanged = new Set(
      sweep ? [] : locations.map((l) => l.name).filter((n) => !this.locationsSinceRuns.has(n)),
    );
    this.touchedSinceRuns = new Set();
    this.locationsSinceRuns = new Set();
    const changed = await Promise.all([
      this.runs.refresh(locations, unchanged),
      this.materializations.refresh(
        locations.flatMap((l) => l.assets),
        only,
      ),
    ]);
    if (this.materializations.state().error !== null) this.touchedSinceRuns = null;
    else if (sweep) this.lastHistorySweep = now;
    if (changed.some(Boolean)) this.generation++;
  }

  /** Starts the loops; resolves when definitions and asset statuses are first known. */
  start(): Promise<void> {
    if (this.firstCycle) return this.firstCycle;
    // Readers wait for definitions and statuses only; run and materialization
    // history (slow to fetch the first time at scale) fill in behind them.
    this.firstCycle = (async () => {
      await this.refreshLocations();
      await this.refreshAssets();
    })();
    const { locationIntervalMs, assetIntervalMs, runsIntervalMs } = this.options;
    void this.firstCycle.then(() => {
      if (this.stopped) return;
      this.runsLoop = repeatAfter(() => this.refreshRuns(), 0, runsIntervalMs);
      this.loops.push(
        repeatAfter(() => this.refreshLocations(), locationIntervalMs, locationIntervalMs),
        // Following changes, a refresh is short: paced so that a change shows
        // within the interval. Full sweeps keep their rest (they are the load).
        (this.changes ? repeatPaced : repeatAfter)(
          () => this.refreshAssets(),
          assetIntervalMs,
          assetIntervalMs,
        ),
        this.runsLoop,
      );
    });
    return this.firstCycle;
  }

  stop(): void {
    this.stopped = true;
    for (const loop of this.loops) loop.stop();
    this.loops.length = 0;
    this.runsLoop = null;
  }

  state(): DeploymentState {
    const assets = this.assets.state();
    const runs = this.runs.state();
    return {
      deployment: this.deployment,
      generation: this.generation,
      locations: this.locations.current(),
      statuses: assets.statuses,
      statusesAsOf: assets.asOf,
      statusesError: assets.error,
      runs: runs.runs,
      runsAsOf: runs.asOf,
      runsError: runs.error ?? this.materializations.state().error,
      materializations: this.materializations.state().history,
      materializationsPartialFrom: this.materializations.state().partialFrom,
    };
  }
}

/** What a reader of locations can see change, apart from the as-of time. */
function signature(snap: DeploymentSnapshot): string {
  const parts = snap.locations.map(
    (l) => `${l.name}|${l.versionKey}|${l.status}|${l.error?.message ?? ""}|${l.down?.since ?? ""}`,
  );
  return `${snap.error ?? ""}#${parts.join("#")}`;
}
