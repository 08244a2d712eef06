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
    // Within the margin of the previous cursor it is reported once more, then no longer.
    now += 60_000;
    expect((await feed.poll()).assets).toEqual(new Set(["b", "c"]));
    now += 60_000;
    expect((await feed.poll()).assets).toEqual(new Set());
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
