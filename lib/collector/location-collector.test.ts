import { describe, expect, it } from "vitest";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import {
  LocationCollector,
  type LocationSource,
  type LocationStatusRow,
} from "./location-collector";
import { SingleFlight } from "./single-flight";

function location(name: string, versionKey: string, assets = 0): CodeLocationSnapshot {
  return {
    deployment: "prod",
    name,
    status: "loaded",
    error: null,
    versionKey,
    updatedAt: 1,
    repositories: ["__repository__"],
    assets: Array.from({ length: assets }, (_, i) => def([name, String(i)], { location: name })),
  };
}

/** An in-memory Dagster: statuses and definitions that tests change between refreshes. */
class FakeSource implements LocationSource {
  rows: LocationStatusRow[] = [];
  versions = new Map<string, { version: string; assets: number }>();
  statusCalls = 0;
  locationCalls: string[] = [];
  failStatuses: Error | null = null;
  /** Locations whose code fails to load: their load error. */
  broken = new Map<string, string>();

  set(name: string, version: string, assets: number, loadStatus: "LOADED" | "LOADING" = "LOADED") {
    this.versions.set(name, { version, assets });
    const row = { name, loadStatus, versionKey: version, updateTimestamp: 10 };
    this.rows = [...this.rows.filter((r) => r.name !== name), row];
  }

  async fetchStatuses() {
    this.statusCalls++;
    if (this.failStatuses) throw this.failStatuses;
    return this.rows;
  }

  async fetchLocation(name: string) {
    this.locationCalls.push(name);
    const v = this.versions.get(name);
    if (!v) throw new Error(`unknown ${name}`);
    const error = this.broken.get(name);
    if (error === undefined) return location(name, v.version, v.assets);
    // What toLocationSnapshot makes of a PythonError: no definitions at all.
    return {
      ...location(name, v.version, 0),
      status: "failed" as const,
      error: { message: error, className: "ImportError" },
    };
  }
}

function setup() {
  let now = 1_000;
  const source = new FakeSource();
  const collector = new LocationCollector("prod", source, { maxAgeMs: 5_000, now: () => now });
  return { source, collector, advance: (ms: number) => (now += ms), now: () => now };
}

describe("LocationCollector", () => {
  it("fetches definitions only for locations whose version key changed", async () => {
    const { source, collector, advance } = setup();
    source.set("a", "v1", 2);
    source.set("b", "v1", 3);
    const first = await collector.snapshot();
    expect(first.locations.map((l) => [l.name, l.assets.length])).toEqual([
      ["a", 2],
      ["b", 3],
    ]);
    expect(source.locationCalls).toEqual(["a", "b"]);

    advance(6_000);
    source.set("b", "v2", 5);
    const second = await collector.revalidate();
    expect(source.locationCalls).toEqual(["a", "b", "b"]);
    expect(second.locations.find((l) => l.name === "b")?.assets).toHaveLength(5);
  });

  it("serves young data without asking Dagster, and old data while it revalidates", async () => {
    const { source, collector, advance } = setup();
    source.set("a", "v1", 1);
    const first = await collector.snapshot();
    advance(1_000);
    expect(await collector.snapshot()).toBe(first);
    expect(source.statusCalls).toBe(1);

    advance(5_000);
    source.set("a", "v2", 3);
    const stale = await collector.snapshot();
    expect(stale.locations[0]?.assets).toHaveLength(1);
    expect(source.statusCalls).toBe(2);
    const fresh = await collector.revalidate();
    expect(fresh.locations[0]?.assets).toHaveLength(3);
    expect(await collector.snapshot()).toBe(fresh);
  });

  it("shares one upstream call among concurrent cold requests", async () => {
    const { source, collector } = setup();
    source.set("a", "v1", 1);
    const results = await Promise.all(Array.from({ length: 1_000 }, () => collector.snapshot()));
    expect(source.statusCalls).toBe(1);
    expect(source.locationCalls).toEqual(["a"]);
    expect(new Set(results).size).toBe(1);
  });

  it("keeps the last good data with its as-of time when Dagster fails", async () => {
    const { source, collector, advance } = setup();
    source.set("a", "v1", 4);
    const good = await collector.snapshot();
    advance(10_000);
    source.failStatuses = new Error("connection refused");
    const stale = await collector.revalidate();
    expect(stale.error).toBe("connection refused");
    expect(stale.asOf).toBe(good.asOf);
    expect(stale.locations[0]?.assets).toHaveLength(4);

    source.failStatuses = null;
    advance(10_000);
    const recovered = await collector.revalidate();
    expect(recovered.error).toBeNull();
    expect(recovered.asOf).toBeGreaterThan(good.asOf ?? 0);
  });

  it("drops locations that disappear and shows LOADING rows as loading", async () => {
    const { source, collector, advance } = setup();
    source.set("a", "v1", 1);
    source.set("b", "v1", 1);
    await collector.snapshot();
    advance(6_000);
    source.rows = source.rows.filter((r) => r.name !== "a");
    source.set("b", "v1", 1, "LOADING");
    const snap = await collector.revalidate();
    expect(snap.locations.map((l) => [l.name, l.status])).toEqual([["b", "loading"]]);
  });

  it("keeps a failing location's last good definitions, marked down since its first failed sight", async () => {
    const { source, collector, advance } = setup();
    source.set("a", "v1", 3);
    source.set("b", "v1", 2);
    await collector.snapshot();
    const loadedAt = 1_000;

    advance(6_000);
    source.broken.set("a", "ImportError: broken on purpose");
    source.set("a", "v2", 3);
    const failed = await collector.revalidate();
    const a = failed.locations.find((l) => l.name === "a");
    expect(a?.status).toBe("failed");
    expect(a?.error?.message).toContain("broken on purpose");
    expect(a?.assets.map((x) => x.id)).toEqual([
      JSON.stringify(["a", "0"]),
      JSON.stringify(["a", "1"]),
      JSON.stringify(["a", "2"]),
    ]);
    expect(a?.down).toEqual({ since: 7_000, assetsAsOf: loadedAt });
    expect(failed.locations.find((l) => l.name === "b")?.down).toBeUndefined();

    // A reload of the same broken code keeps the first failed sight as "since".
    advance(6_000);
    source.set("a", "v3", 3);
    const still = await collector.revalidate();
    expect(still.locations.find((l) => l.name === "a")?.down).toEqual({
      since: 7_000,
      assetsAsOf: loadedAt,
    });

    // Fixed: the fresh definitions, no longer down.
    advance(6_000);
    source.broken.delete("a");
    source.set("a", "v4", 5);
    const fixed = await collector.revalidate();
    const back = fixed.locations.find((l) => l.name === "a");
    expect(back?.status).toBe("loaded");
    expect(back?.assets).toHaveLength(5);
    expect(back?.down).toBeUndefined();
  });

  it("marks a location failing since its first sight as down with no known definitions", async () => {
    const { source, collector } = setup();
    source.set("a", "v1", 3);
    source.broken.set("a", "SyntaxError");
    const snap = await collector.snapshot();
    expect(snap.locations[0]).toMatchObject({
      status: "failed",
      assets: [],
      down: { since: 1_000, assetsAsOf: null },
    });
  });

  it("says since when the deployment has been unreachable", async () => {
    const { source, collector, advance } = setup();
    source.set("a", "v1", 1);
    await collector.snapshot();
    advance(10_000);
    source.failStatuses = new Error("connection refused");
    expect((await collector.revalidate()).errorSince).toBe(11_000);
    advance(10_000);
    const later = await collector.revalidate();
    expect(later.errorSince).toBe(11_000);
    expect(later.locations[0]?.assets).toHaveLength(1);
    source.failStatuses = null;
    advance(10_000);
    expect((await collector.revalidate()).errorSince).toBeNull();
  });

  it("reports an error with no data when the first refresh fails", async () => {
    const { source, collector } = setup();
    source.failStatuses = new Error("down");
    const snap = await collector.snapshot();
    expect(snap).toMatchObject({ asOf: null, locations: [], error: "down" });
  });
});

describe("SingleFlight", () => {
  it("runs once per key while in flight, then again afterwards", async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    let release: (v: number) => void = () => {};
    const fn = () => {
      calls++;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const a = flight.run("k", fn);
    const b = flight.run("k", fn);
    const other = flight.run("other", async () => 7);
    expect(calls).toBe(1);
    release(42);
    expect(await Promise.all([a, b, other])).toEqual([42, 42, 7]);
    expect(flight.size).toBe(0);
    await flight.run("k", async () => {
      calls++;
      return 1;
    });
    expect(calls).toBe(2);
  });

  it("forgets a rejected call so the next caller retries", async () => {
    const flight = new SingleFlight<number>();
    await expect(flight.run("k", async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await flight.run("k", async () => 3)).toBe(3);
  });
});
