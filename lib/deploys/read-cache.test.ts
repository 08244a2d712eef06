import { describe, expect, it } from "vitest";
import { ReadCache } from "./read-cache";

/** A build that counts its calls and resolves to the call number. */
function counter() {
  let calls = 0;
  return {
    build: async () => ++calls,
    get calls() {
      return calls;
    },
  };
}

describe("ReadCache", () => {
  it("builds once per key and again when the generation or the store's mark moves", async () => {
    const cache = new ReadCache<number>();
    const c = counter();
    expect(await cache.read(["ml", "gen-1", "3:1"], c.build)).toBe(1);
    expect(await cache.read(["ml", "gen-1", "3:1"], c.build)).toBe(1);
    // A new deploy event (mark 4:1), then a new annotation (4:2), then a new snapshot.
    expect(await cache.read(["ml", "gen-1", "4:1"], c.build)).toBe(2);
    expect(await cache.read(["ml", "gen-1", "4:2"], c.build)).toBe(3);
    expect(await cache.read(["ml", "gen-2", "4:2"], c.build)).toBe(4);
    expect(c.calls).toBe(4);
  });

  it("shares one build between readers that arrive while it runs", async () => {
    const cache = new ReadCache<number>();
    let calls = 0;
    let release: (v: number) => void = () => undefined;
    const build = () => {
      calls++;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const a = cache.read(["k"], build);
    const b = cache.read(["k"], build);
    release(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(calls).toBe(1);
  });

  it("does not keep a failed build", async () => {
    const cache = new ReadCache<number>();
    await expect(cache.read(["k"], () => Promise.reject(new Error("store down")))).rejects.toThrow(
      "store down",
    );
    expect(await cache.read(["k"], async () => 5)).toBe(5);
  });

  it("keeps at most maxEntries keys, least recently used out", async () => {
    const cache = new ReadCache<number>(2);
    const c = counter();
    await cache.read(["a"], c.build);
    await cache.read(["b"], c.build);
    await cache.read(["a"], c.build);
    await cache.read(["c"], c.build); // evicts b
    expect(await cache.read(["a"], c.build)).toBe(1);
    expect(await cache.read(["b"], c.build)).toBe(4);
  });
});
