import { afterEach, describe, expect, it, vi } from "vitest";

// The composition root's wait for its store: replicas may start before their
// database, and the collectors and the page warm-up both wait on it.
const openStores = vi.fn();
vi.mock("@/lib/store/open-stores", () => ({ openStores: () => openStores() }));
vi.mock("@/lib/config/load-config", () => ({
  loadConfig: () => ({ deployments: [], teams: [], refresh: { locationStatusSeconds: 1 } }),
}));
vi.mock("@/lib/env", () => ({
  readToken: () => undefined,
  serverEnv: () => ({ HEALTHBOARD_DATA_DIR: "/nonexistent" }),
}));

const STORES = { kind: "sqlite", leases: { close: () => undefined } };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  const holder = globalThis as { __healthboard?: unknown; __healthboardOpen?: unknown };
  holder.__healthboard = undefined;
  holder.__healthboardOpen = undefined;
});

describe("runtimeWhenOpen", () => {
  it("retries an unreachable store every 5 s, one loop for every waiter", async () => {
    vi.useFakeTimers();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    openStores
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockResolvedValue(STORES);
    const { runtimeWhenOpen, runtimeIfReady } = await import("./runtime");
    let opened = 0;
    const waiters = [runtimeWhenOpen(), runtimeWhenOpen()].map((p) => p.then(() => opened++));

    await vi.advanceTimersByTimeAsync(4_900);
    expect(openStores).toHaveBeenCalledTimes(1);
    expect(opened).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(openStores).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(waiters);

    // Two waiters, three attempts: not three per waiter.
    expect(openStores).toHaveBeenCalledTimes(3);
    expect(opened).toBe(2);
    expect(runtimeIfReady()?.stores).toBe(STORES);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining("cannot open the store: connect ECONNREFUSED"),
    );
    // The clock is fake; the import of the runtime's module graph is not, and took
    // over 5 s (vitest's default) at load 12-17 beside a CI run (3 December).
  }, 30_000);
});
