/**
 * Runs `work` over `items` with at most `limit` at a time, in order of start.
 * The scans over every route are many independent requests: a few in flight
 * at once keep the server busy instead of waiting on each round trip.
 */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}
