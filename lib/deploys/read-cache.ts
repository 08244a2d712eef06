import { LruCache } from "@/lib/cache/lru-cache";

// Reads that a page repeats on every render although their inputs rarely move:
// the team page's version history (one or two deploy-store queries per
// location and per upstream location) and its promotion check. A value is
// keyed by everything it is computed from (the snapshot generation, the deploy
// store's change mark, a time step), so a new deploy or annotation makes a new
// key and the old value is never served again. Readers of one key that arrive
// while it is being built share that build; a failed build is not kept.

export class ReadCache<T> {
  private readonly values: LruCache<string, { value: T }>;
  private readonly pending = new Map<string, Promise<T>>();

  /** `maxEntries`: keys kept, least recently used out (one per team and view is plenty). */
  constructor(maxEntries = 64) {
    this.values = new LruCache(maxEntries);
  }

  read(parts: readonly unknown[], build: () => Promise<T>): Promise<T> {
    const key = JSON.stringify(parts);
    const done = this.values.get(key);
    if (done) return Promise.resolve(done.value);
    const running = this.pending.get(key);
    if (running) return running;
    const built = build()
      .then((value) => {
        this.values.set(key, { value });
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, built);
    return built;
  }
}
