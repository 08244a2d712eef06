// runsOrError has no cursor in its response: the cursor for the next page is
// the runId of the last row (newest first), and every call must set `limit`.

export interface RunPage<T extends { runId: string }> {
  results: T[];
}

export async function fetchAllRunPages<T extends { runId: string }>(
  fetchPage: (cursor: string | null, limit: number) => Promise<RunPage<T>>,
  limit: number,
  maxPages = 1_000,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const { results } = await fetchPage(cursor, limit);
    all.push(...results);
    const last = results[results.length - 1];
    if (results.length < limit || !last) return all;
    if (last.runId === cursor) throw new Error(`run pagination did not advance past ${cursor}`);
    cursor = last.runId;
  }
  throw new Error(`run pagination stopped after ${maxPages} pages`);
}
