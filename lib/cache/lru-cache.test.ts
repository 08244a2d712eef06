import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("evicts the least recently used entry, not everything, when full", () => {
    const cache = new LruCache<string, number>(3);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("d", 4);
    expect(cache.has("b")).toBe(false);
    expect(cache.keys()).toEqual(["c", "a", "d"]);
    expect(cache.size).toBe(3);
  });

  it("keeps a hot entry through a stream of one-off keys", () => {
    const cache = new LruCache<string, string>(4);
    cache.set("team-page", "model");
    for (let i = 0; i < 100; i++) {
      expect(cache.get("team-page")).toBe("model");
      cache.set(`random-${i}`, "junk");
    }
    expect(cache.get("team-page")).toBe("model");
    expect(cache.size).toBe(4);
  });

  it("overwrites a key in place and refreshes its recency", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 10);
    cache.set("c", 3);
    expect(cache.get("a")).toBe(10);
    expect(cache.get("b")).toBeUndefined();
  });

  it("tells an absent key from a stored undefined", () => {
    const cache = new LruCache<string, number | undefined>(2);
    cache.set("u", undefined);
    expect(cache.has("u")).toBe(true);
    expect(cache.get("missing")).toBeUndefined();
  });

  it("refuses a size that cannot hold anything", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
