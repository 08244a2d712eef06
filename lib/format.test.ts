import { describe, expect, it } from "vitest";
import { formatPct, plural } from "./format";

describe("plural", () => {
  it("uses the singular for exactly one", () => {
    expect(plural(1, "code location")).toBe("1 code location");
    expect(plural(0, "code location")).toBe("0 code locations");
    expect(plural(2, "code location")).toBe("2 code locations");
    expect(plural(3, "team", "teams")).toBe("3 teams");
    expect(plural(1, "asset is", "assets are")).toBe("1 asset is");
  });
});

describe("formatPct", () => {
  it("shows a tenth of a percent, and exactly none or all without one", () => {
    expect(formatPct(7 / 9)).toBe("77.8%");
    expect(formatPct(0.75)).toBe("75.0%");
    expect(formatPct(1)).toBe("100%");
    expect(formatPct(0)).toBe("0%");
    expect(formatPct(null)).toBe("—");
  });

  it("never rounds a share between none and all onto either", () => {
    expect(formatPct(2_999 / 3_000)).toBe(">99.9%");
    expect(formatPct(71_970 / 72_000)).toBe(">99.9%");
    expect(formatPct(1 / 3_000)).toBe("<0.1%");
    expect(formatPct(998 / 1_000)).toBe("99.8%");
    expect(formatPct(1 / 1_000)).toBe("0.1%");
  });
});
