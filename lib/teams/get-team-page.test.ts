import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TeamPageModel } from "./build-team-page";

// getTeamPage's cache only: the snapshot, stores and model builder are stand-ins
// that count builds, so the test sees which keys reach the cache.

const built: (string | undefined)[] = [];
vi.mock("@/lib/config/load-config", () => ({
  loadConfig: () => ({
    teams: [{ slug: "ml", name: "ML", owners: [], locations: [] }],
    refresh: { assetStatusSeconds: 30, runsWindowDays: 30 },
  }),
}));
vi.mock("@/lib/collector/collectors", () => ({
  getSnapshot: async () => ({ generation: "g1" }),
  deployStore: () => ({ list: () => [] }),
  kpiStore: () => ({ nearest: () => null }),
}));
vi.mock("./build-team-page", () => ({
  buildTeamPage: (input: { location?: string }) => {
    built.push(input.location);
    return { location: input.location ?? null, allLocations: ["ml-platform", "feature-store"] };
  },
}));

const { getTeamPage } = await import("./get-team-page");

describe("getTeamPage cache", () => {
  beforeEach(() => {
    built.length = 0;
    // The cache key holds "now" in 30 s steps: keep it in one step.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-12-01T12:00:05Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers an unknown ?location= with the team-wide model and never caches it", async () => {
    const teamWide = (await getTeamPage("ml", "7d")) as TeamPageModel & { location: null };
    const before = built.length;
    for (let i = 0; i < 500; i++) {
      expect(await getTeamPage("ml", "7d", `random-${i}`)).toBe(teamWide);
    }
    expect(built.length).toBe(before);
  });

  it("builds a known location once and keeps it while one-off keys come and go", async () => {
    const filtered = await getTeamPage("ml", "24h", "ml-platform");
    expect((filtered as unknown as { location: string }).location).toBe("ml-platform");
    const builds = built.length;
    // More distinct valid keys than the cache holds would have cleared it wholesale before.
    for (let i = 0; i < 300; i++) {
      await getTeamPage("ml", i % 2 ? "30d" : "14d", "feature-store");
      await getTeamPage("ml", "24h", `nope-${i}`);
    }
    expect(await getTeamPage("ml", "24h", "ml-platform")).toBe(filtered);
    expect(built.length - builds).toBeLessThanOrEqual(4);
  });

  it("returns null for a team the config does not know", async () => {
    expect(await getTeamPage("nobody", "7d", "ml-platform")).toBeNull();
  });
});
