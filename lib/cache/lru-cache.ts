// A bounded map that evicts the least recently used entry when full. Caches
// keyed by request parameters use it so a burst of one-off keys (random query
// strings) pushes out only the oldest entries instead of emptying the cache.
// A Map iterates in insertion order, so re-inserting on every hit keeps the
// least recently used entry first.

export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marking it most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  /** The keys, least recently used first. */
  keys(): K[] {
    return [...this.entries.keys()];
  }
}
