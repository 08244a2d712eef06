import { describe, expect, it } from "vitest";
import { type ChangedRun, RunChangeFeed } from "./change-runs";

/** A Dagster whose runs (each with an update time) tests add; it answers the filter as Dagster does. */
function fakeRuns() {
  const runs: (ChangedRun & { updatedAt: number })[] = [];
  const asked: number[] = [];
  return {
    runs,
    asked,
    fail: false,
    async fetchChangedRuns(updatedAfterMs: number) {
      asked.push(updatedAfterMs);
      if (this.fail) throw new Error("dagster down");
      return runs.filter((r) => r.updatedAt > updatedAfterMs);
    },
  };
}

describe("RunChangeFeed", () => {
  it("reports the assets of runs updated since the previous poll, not older ones", async () => {
    let now = 1_000_000;
    const source = fakeRuns();
    source.runs.push({
      id: "old",
      status: "SUCCESS",
      location: "one",
      assetIds: ["a"],
      updatedAt: 500_000,
    });
    const feed = new RunChangeFeed(source, { now: () => now, marginMs: 10_000 });
    await feed.poll();
    expect(feed.following).toBe(true);
    now += 30_000;
    source.runs.push({
      id: "new",
      status: "SUCCESS",
      location: "one",
      assetIds: ["b", "c"],
      updatedAt: now - 5,
    });
    const first = await feed.poll();
    expect([...first.assets].sort()).toEqual(["b", "c"]);
    expect(first.locations).toEqual(new Set(["one"]));
    // Still within the margin of the previous cursor, but already reported: not again.
    const updatedAt = now - 5;
    now += 5_000;
    expect((await feed.poll()).assets).toEqual(new Set());
    expect(source.asked.at(-1)).toBeLessThan(updatedAt); // it was in Dagster's answer
    now += 60_000;
    expect((await feed.poll()).assets).toEqual(new Set());
  });

  it("names the locations of runs newly seen failed, once", async () => {
    let now = 1_000_000;
    const source = fakeRuns();
    const feed = new RunChangeFeed(source, { now: () => now, marginMs: 10_000 });
    await feed.poll();
    source.runs.push(
      { id: "f", status: "FAILURE", location: "one", assetIds: ["a"], updatedAt: now + 1 },
      { id: "s", status: "SUCCESS", location: "two", assetIds: ["b"], updatedAt: now + 1 },
      { id: "x", status: "FAILURE", location: null, assetIds: ["c"], updatedAt: now + 1 },
    );
    now += 2_000;
    const first = await feed.poll();
    expect(first.failedIn).toEqual(new Set(["one"]));
    expect(first.locations).toEqual(new Set(["one", "two"]));
    now += 2_000;
    expect((await feed.poll()).failedIn).toEqual(new Set());
  });

  it("reports a run seen again within the margin only when its status moved", async () => {
    let now = 1_000_000;
    const source = fakeRuns();
    const feed = new RunChangeFeed(source, { now: () => now, marginMs: 10_000 });
    await feed.poll();
    const run = { id: "r", status: "QUEUED" as const, location: "one", assetIds: ["a"] };
    source.runs.push({ ...run, updatedAt: now + 1 });
    now += 1_000;
    expect((await feed.poll()).assets).toEqual(new Set(["a"]));
    // Finished within the margin: its status moved, so it is reported...
    source.runs[0] = { ...run, status: "FAILURE", updatedAt: now + 1 };
    now += 1_000;
    const finished = await feed.poll();
    expect(finished.assets).toEqual(new Set(["a"]));
    expect(finished.locations).toEqual(new Set(["one"]));
    // ...once: the polls that still see it in their margin stay quiet.
    for (let i = 0; i < 5; i++) {
      now += 1_000;
      const later = await feed.poll();
      expect(later.assets).toEqual(new Set());
      expect(later.locations).toEqual(new Set());
    }
    // After a reset, the next poll starts over and reports nothing it remembers.
    feed.reset();
    expect(feed.following).toBe(false);
  });

  it("keeps touching the assets of an unfinished run until it is seen finished", async () => {
    let now = 1_000_000;
    const source = fakeRuns();
    const feed = new RunChangeFeed(source, { now: () => now, marginMs: 0 });
    await feed.poll();
    const run = {
      id: "r",
      status: "STARTED" as const,
      location: "one",
      assetIds: ["x"],
      updatedAt: now + 1,
    };
    source.runs.push(run);
    now += 1_000;
    expect((await feed.poll()).assets).toEqual(new Set(["x"]));
    now += 1_000; // no update to the run: still in progress, its events may be new
    expect((await feed.poll()).assets).toEqual(new Set(["x"]));
    source.runs[0] = { ...run, status: "SUCCESS", updatedAt: now + 1 };
    now += 1_000;
    expect((await feed.poll()).assets).toEqual(new Set(["x"]));
    now += 1_000;
    expect((await feed.poll()).assets).toEqual(new Set());
  });

  it("keeps its cursor when Dagster fails, so the next poll covers the gap", async () => {
    let now = 1_000_000;
    const source = fakeRuns();
    const feed = new RunChangeFeed(source, { now: () => now, marginMs: 0 });
    await feed.poll();
    source.fail = true;
    now += 1_000;
    await expect(feed.poll()).rejects.toThrow("dagster down");
    source.fail = false;
    source.runs.push({
      id: "r",
      status: "FAILURE",
      location: null,
      assetIds: ["y"],
      updatedAt: 1_000_500,
    });
    now += 1_000;
    expect((await feed.poll()).assets).toEqual(new Set(["y"]));
    expect(source.asked.at(-1)).toBe(1_000_000);
  });
});
