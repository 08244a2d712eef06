import { describe, expect, it } from "vitest";
import { labelFitter, newLabelCache } from "./label-fit";

/** A monospace stand-in for measureText: 7 px a character, counting its calls. */
function meter() {
  const calls: string[] = [];
  const measure = (s: string) => {
    calls.push(s);
    return 7 * [...s].length;
  };
  return { calls, measure };
}

describe("labelFitter", () => {
  it("measures a name once per font, however often the zoom bucket changes", () => {
    const cache = newLabelCache();
    const m = meter();
    // "team_00 / asset_00001" is 21 characters, 147 px: it fits every box below.
    for (const bucket of [184, 176, 192, 184, 200]) {
      const f = labelFitter(cache, "13px system-ui", bucket, m.measure);
      expect(f.fitName("team_00 / asset_00001", bucket - 20, false)).toBe("team_00 / asset_00001");
    }
    expect(m.calls).toEqual(["team_00 / asset_00001"]);
    // A new font measures again.
    labelFitter(cache, "12px system-ui", 184, m.measure).fitName(
      "team_00 / asset_00001",
      150,
      false,
    );
    expect(m.calls.length).toBe(2);
  });

  it("shortens a name that does not fit, and reuses it within the bucket", () => {
    const cache = newLabelCache();
    const m = meter();
    const name = "a_rather_long_namespace / and_a_long_asset_name";
    const f = labelFitter(cache, "13px system-ui", 160, m.measure);
    const short = f.fitName(name, 100, false);
    expect(short.endsWith("…")).toBe(true);
    expect(7 * [...short].length).toBeLessThanOrEqual(100);
    // The longest that fits: one more character would not.
    expect(7 * ([...short].length + 1)).toBeGreaterThan(100);
    expect(name.startsWith(short.slice(0, -1))).toBe(true);
    const measured = m.calls.length;
    expect(labelFitter(cache, "13px system-ui", 160, m.measure).fitName(name, 100, false)).toBe(
      short,
    );
    expect(m.calls.length).toBe(measured);
  });

  it("fits a down node's name (less room) apart from the same name elsewhere", () => {
    const cache = newLabelCache();
    const m = meter();
    const f = labelFitter(cache, "13px system-ui", 160, m.measure);
    const name = "team_03 / a_long_asset_name_here";
    const up = f.fitName(name, 140, false);
    const down = f.fitName(name, 110, true);
    expect(down.length).toBeLessThan(up.length);
    expect(f.fitName(name, 140, false)).toBe(up);
  });

  it("starts the shortened names over in a new bucket", () => {
    const cache = newLabelCache();
    const m = meter();
    const name = "team_03 / a_long_asset_name_here";
    const narrow = labelFitter(cache, "13px system-ui", 120, m.measure).fitName(name, 100, false);
    const wide = labelFitter(cache, "13px system-ui", 200, m.measure).fitName(name, 180, false);
    expect(wide.length).toBeGreaterThan(narrow.length);
  });
});
