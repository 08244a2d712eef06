import { describe, expect, it } from "vitest";
import { fetchAllRunPages } from "./paginate-runs";

/** A fake runsOrError over `n` runs, newest first, honouring cursor and limit like Dagster. */
function fakeRuns(n: number) {
  const runs = Array.from({ length: n }, (_, i) => ({ runId: `run-${n - i}` }));
  const calls: { cursor: string | null; limit: number }[] = [];
  const fetchPage = async (cursor: string | null, limit: number) => {
    calls.push({ cursor, limit });
    const start = cursor ? runs.findIndex((r) => r.runId === cursor) + 1 : 0;
    return { results: runs.slice(start, start + limit) };
  };
  return { runs, calls, fetchPage };
}

describe("fetchAllRunPages", () => {
  it("walks every page using the last runId as the cursor", async () => {
    const { runs, calls, fetchPage } = fakeRuns(7);
    expect(await fetchAllRunPages(fetchPage, 3)).toEqual(runs);
    expect(calls).toEqual([
      { cursor: null, limit: 3 },
      { cursor: "run-5", limit: 3 },
      { cursor: "run-2", limit: 3 },
    ]);
  });

  it("asks once more when the last page is exactly full", async () => {
    const { runs, calls, fetchPage } = fakeRuns(6);
    expect(await fetchAllRunPages(fetchPage, 3)).toEqual(runs);
    expect(calls.map((c) => c.cursor)).toEqual([null, "run-4", "run-1"]);
  });

  it("handles no runs", async () => {
    const { fetchPage } = fakeRuns(0);
    expect(await fetchAllRunPages(fetchPage, 3)).toEqual([]);
  });

  it("refuses to loop on a server that ignores the cursor", async () => {
    const stuck = async () => ({ results: [{ runId: "a" }, { runId: "b" }] });
    await expect(fetchAllRunPages(stuck, 2)).rejects.toThrow(/did not advance past b/);
  });
});
