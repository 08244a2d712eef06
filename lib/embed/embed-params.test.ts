import { describe, expect, it } from "vitest";
import { isTeamPanel, parseEmbedParams } from "./embed-params";

describe("parseEmbedParams", () => {
  it("reads theme, range, list, location and auto-height", () => {
    const v = parseEmbedParams({
      theme: "dark",
      range: "24h",
      list: "stale",
      location: "ml-platform",
      autoheight: "1",
    });
    expect(v).toEqual({
      theme: "dark",
      range: "24h",
      list: "stale",
      location: "ml-platform",
      autoHeight: true,
      problems: [],
    });
  });

  it("falls back with a note, never echoing the input", () => {
    const hostile = "<script>alert(1)</script>";
    const v = parseEmbedParams({
      theme: hostile,
      range: ["99y", "7d"],
      list: hostile,
      location: "x".repeat(500),
    });
    expect(v.theme).toBe("auto");
    expect(v.range).toBe("7d");
    expect(v.list).toBe("all");
    expect(v.location).toBeUndefined();
    expect(v.problems).toHaveLength(4);
  });

  it("defaults to auto theme, 7 days and no auto-height", () => {
    expect(parseEmbedParams({})).toMatchObject({ theme: "auto", range: "7d", autoHeight: false });
  });

  it("knows the embeddable panels and nothing else", () => {
    expect(isTeamPanel("freshness")).toBe(true);
    expect(isTeamPanel("constructor")).toBe(false);
    expect(isTeamPanel("__proto__")).toBe(false);
  });
});
