import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The warm-up's effect on readiness: what /api/health waits for. Its requests
// are tested in warm-pages.test.ts against a real HTTP server.
const getSnapshot = vi.fn();
const env = { production: true, port: 3100 as number | null, basic: false, trusted: false };
const warmPages = vi.fn();

vi.mock("@/lib/collector/collectors", () => ({ getSnapshot: () => getSnapshot() }));
vi.mock("@/lib/env", () => ({
  productionServer: () => env.production,
  listenPort: () => env.port,
  serverEnv: () => ({
    access: {
      basic: env.basic ? { user: "u", password: "password" } : null,
      trustedUserHeader: env.trusted ? "x-forwarded-user" : null,
      publicBadges: false,
    },
  }),
}));
const runtimeWhenOpen = vi.fn();
vi.mock("./runtime", () => ({ runtimeWhenOpen: () => runtimeWhenOpen() }));
const RUNTIME = { config: { teams: [{ slug: "ml" }, { slug: "analytics" }] } };
vi.mock("./warm-pages", async (original) => ({
  ...(await original<typeof import("./warm-pages")>()),
  warmPages: (...args: unknown[]) => warmPages(...args),
}));

const { startPageWarmUp } = await import("./page-warm-up");
const { setWarmUpState, warmUpSettled, warmUpState } = await import("./warm-up-state");

beforeEach(() => {
  setWarmUpState("idle");
  Object.assign(env, { production: true, port: 3100, basic: false, trusted: false });
  getSnapshot.mockReset().mockResolvedValue({});
  runtimeWhenOpen.mockReset().mockResolvedValue(RUNTIME);
  warmPages
    .mockReset()
    .mockResolvedValue({ pages: [{ path: "/", status: 200, ms: 5 }], assets: 3 });
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("startPageWarmUp", () => {
  it("holds readiness until the pages are rendered, then releases it", async () => {
    let finish: (v: unknown) => void = () => undefined;
    warmPages.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    expect(warmUpSettled()).toBe(true); // never started: nothing to wait for
    const running = startPageWarmUp();
    expect(warmUpState()).toBe("pending");
    expect(warmUpSettled()).toBe(false);
    await vi.waitFor(() => expect(warmPages).toHaveBeenCalled());
    const [origin, paths, limits] = warmPages.mock.calls[0] as [
      string,
      string[],
      { deadline: number },
    ];
    expect(origin).toBe("http://127.0.0.1:3100");
    expect(paths).toEqual(["/", "/lineage", "/teams/ml"]);
    expect(limits.deadline).toBeGreaterThan(Date.now());
    expect(warmUpSettled()).toBe(false);
    finish({ pages: [], assets: 0 });
    await running;
    expect(warmUpState()).toBe("done");
    expect(warmUpSettled()).toBe(true);
  });

  it("waits for a store that is not up yet, and stays not ready meanwhile", async () => {
    let open: (rt: unknown) => void = () => undefined;
    runtimeWhenOpen.mockReturnValue(new Promise((resolve) => (open = resolve)));
    const running = startPageWarmUp();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(getSnapshot).not.toHaveBeenCalled();
    expect(warmPages).not.toHaveBeenCalled();
    expect(warmUpSettled()).toBe(false);
    open(RUNTIME);
    await running;
    expect(getSnapshot).toHaveBeenCalledOnce();
    expect(warmPages).toHaveBeenCalledOnce();
    expect(warmUpState()).toBe("done");
  });

  it("ends, and releases readiness, when the snapshot cannot be built: that is not waited out", async () => {
    getSnapshot.mockRejectedValue(new Error("first collection failed"));
    await expect(startPageWarmUp()).rejects.toThrow("first collection failed");
    expect(getSnapshot).toHaveBeenCalledOnce();
    expect(warmPages).not.toHaveBeenCalled();
    expect(warmUpState()).toBe("done");
    expect(warmUpSettled()).toBe(true);
  });

  it.each([
    ["access control (basic auth)", { basic: true }, "access control is on"],
    ["access control (trusted header)", { trusted: true }, "access control is on"],
    ["an unknown port", { port: null }, "the listening port is unknown"],
    ["a dev server", { production: false }, "not a production server"],
  ])("is skipped under %s, says why, and does not hold readiness", async (_name, change, why) => {
    Object.assign(env, change);
    await startPageWarmUp();
    expect(warmPages).not.toHaveBeenCalled();
    expect(getSnapshot).not.toHaveBeenCalled();
    expect(warmUpState()).toBe("skipped");
    expect(warmUpSettled()).toBe(true);
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining(why));
  });
});
