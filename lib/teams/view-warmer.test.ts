import { describe, expect, it } from "vitest";
import { viewWarmer } from "./view-warmer";

function setup(maxViews = 3) {
  let clock = 0;
  const built: string[] = [];
  const warmer = viewWarmer<string>({
    build: async (v) => {
      if (v === "broken") throw new Error("no snapshot yet");
      built.push(v);
    },
    now: () => clock,
    keepMs: 60_000,
    maxViews,
  });
  return { warmer, built, at: (t: number) => (clock = t) };
}

describe("viewWarmer", () => {
  it("builds the views asked for lately, and drops those not asked for within keepMs", async () => {
    const { warmer, built, at } = setup();
    warmer.seen("a", "a");
    at(30_000);
    warmer.seen("b", "b");
    await warmer.tick();
    expect(built).toEqual(["a", "b"]);
    at(70_000); // a was last asked for 70 s ago, b 40 s ago
    built.length = 0;
    await warmer.tick();
    expect(built).toEqual(["b"]);
    expect(warmer.size).toBe(1);
  });

  it("keeps at most maxViews, the least recently asked for out", async () => {
    const { warmer, built } = setup(2);
    for (const v of ["a", "b", "a", "c"]) warmer.seen(v, v);
    await warmer.tick();
    expect(built.sort()).toEqual(["a", "c"]);
  });

  it("goes on past a view whose build fails, and skips a tick while one runs", async () => {
    const { warmer, built } = setup();
    warmer.seen("broken", "broken");
    warmer.seen("ok", "ok");
    await Promise.all([warmer.tick(), warmer.tick()]);
    expect(built).toEqual(["ok"]);
  });
});
