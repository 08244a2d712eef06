import { secondsToMs } from "@/lib/dagster/to-domain";
import type { CodeLocationSnapshot, DeploymentSnapshot } from "@/lib/domain/types";
import { mapLimit } from "./map-limit";
import { SingleFlight } from "./single-flight";

// Keeps one deployment's code locations and their definitions. The cheap
// status query runs on every refresh; a location's definitions are refetched
// only when its versionKey (or load status) moves. A location that fails to
// load keeps its last good definitions, marked `down`, so every page still
// shows what it owns instead of nothing. Framework-free: the
// Dagster calls come in as functions, so tests drive it with real or fake ones.

export interface LocationStatusRow {
  name: string;
  loadStatus: "LOADED" | "LOADING";
  versionKey: string;
  updateTimestamp: number;
}

export interface LocationSource {
  fetchStatuses(): Promise<LocationStatusRow[]>;
  fetchLocation(name: string): Promise<CodeLocationSnapshot>;
}

export interface CollectorOptions {
  /** Data older than this is refreshed in the background on the next read. */
  maxAgeMs: number;
  /** Location definitions fetched in parallel at most. */
  parallelism?: number;
  now?: () => number;
}

export class LocationCollector {
  private readonly locations = new Map<string, CodeLocationSnapshot>();
  /** Per location: the definitions of its last good load and when they were fetched. */
  private readonly lastGood = new Map<
    string,
    { assets: CodeLocationSnapshot["assets"]; at: number }
  >();
  /** Per failing location: its first failed observation. */
  private readonly failingSince = new Map<string, number>();
  private readonly flight = new SingleFlight<DeploymentSnapshot>();
  private last: DeploymentSnapshot;
  private lastAttempt: number | null = null;
  private readonly now: () => number;

  constructor(
    readonly deployment: string,
    private readonly source: LocationSource,
    private readonly options: CollectorOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.last = { deployment, asOf: null, locations: [], error: null };
  }

  /**
   * Stale-while-revalidate: once anything is known, answers at once with the
   * latest data (or error) and refreshes in the background when it is older
   * than maxAgeMs. Only the very first call waits for Dagster. Never rejects.
   */
  async snapshot(): Promise<DeploymentSnapshot> {
    if (this.lastAttempt === null) return this.revalidate();
    if (this.now() - this.lastAttempt >= this.options.maxAgeMs) void this.revalidate();
    return this.last;
  }

  /** The latest data without touching Dagster. */
  current(): DeploymentSnapshot {
    return this.last;
  }

  /** Starts (or joins) a refresh and resolves with its result. */
  revalidate(): Promise<DeploymentSnapshot> {
    return this.flight.run("locations", () => this.refresh());
  }

  private async refresh(): Promise<DeploymentSnapshot> {
    try {
      const rows = await this.source.fetchStatuses();
      const changed = rows.filter((row) => {
        const known = this.locations.get(row.name);
        return (
          !known ||
          known.versionKey !== row.versionKey ||
          (known.status === "loading") !== (row.loadStatus === "LOADING")
        );
      });
      const fetched = await mapLimit(changed, this.options.parallelism ?? 4, (row) =>
        this.source.fetchLocation(row.name),
      );
      for (const location of fetched)
        this.locations.set(location.name, this.withLastKnown(location));
      const names = new Set(rows.map((r) => r.name));
      for (const name of this.locations.keys()) {
        if (names.has(name)) continue;
        this.locations.delete(name);
        this.lastGood.delete(name);
        this.failingSince.delete(name);
      }
      // Keep Dagster's order; a LOADING row shows as loading even before its refetch lands.
      const locations = rows.flatMap((row) => {
        const loc = this.locations.get(row.name);
        if (!loc) return [];
        return row.loadStatus === "LOADING"
          ? [{ ...loc, status: "loading" as const, updatedAt: secondsToMs(row.updateTimestamp) }]
          : [loc];
      });
      this.last = {
        deployment: this.deployment,
        asOf: this.now(),
        locations,
        error: null,
        errorSince: null,
      };
    } catch (err) {
      // Stale-if-error: keep the last good data and say why it is old, and since when.
      this.last = {
        ...this.last,
        error: err instanceof Error ? err.message : String(err),
        errorSince: this.last.error ? (this.last.errorSince ?? this.now()) : this.now(),
      };
    }
    this.lastAttempt = this.now();
    return this.last;
  }

  /**
   * A loaded location becomes the last good one. A failed one (or one
   * reloading after a failure) carries the last good definitions instead of
   * none, with since when it fails and how old those definitions are.
   */
  private withLastKnown(location: CodeLocationSnapshot): CodeLocationSnapshot {
    const { name } = location;
    if (location.status === "loaded") {
      this.lastGood.set(name, { assets: location.assets, at: this.now() });
      this.failingSince.delete(name);
      return location;
    }
    if (location.status === "loading" && !this.failingSince.has(name)) return location;
    const since = this.failingSince.get(name) ?? this.now();
    this.failingSince.set(name, since);
    const good = this.lastGood.get(name);
    return {
      ...location,
      assets: good?.assets ?? location.assets,
      down: { since, assetsAsOf: good?.at ?? null },
    };
  }
}
