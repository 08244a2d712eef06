import { describe, expect, it } from "vitest";
import { loadTeamSearchParams, unknownLocationProblem } from "./team-search-params";

describe("loadTeamSearchParams", () => {
  it("reads a good view", () => {
    expect(loadTeamSearchParams({ range: "30d", list: "stale", location: "ml-platform" })).toEqual({
      range: "30d",
      list: "stale",
      location: "ml-platform",
      problems: [],
    });
  });

  it("falls back on bad values with notes that never repeat the input", () => {
    const hostile = "<script>alert(1)</script>";
    const view = loadTeamSearchParams({
      range: [hostile, "7d"],
      list: hostile,
      location: hostile.repeat(20),
    });
    expect(view).toMatchObject({ range: "7d", list: "all", location: undefined });
    expect(view.problems).toHaveLength(3);
    for (const p of view.problems) expect(p).not.toContain("<");
  });
});

describe("unknownLocationProblem", () => {
  it("notes a location the team does not have, naming the ones it has", () => {
    expect(unknownLocationProblem(undefined, ["a"])).toBeNull();
    expect(unknownLocationProblem("a", ["a", "b"])).toBeNull();
    expect(unknownLocationProblem("<b>x", ["a", "b"])).toBe(
      "No code location of this team has that name; choose one of a, b. Showing all of them.",
    );
  });
});
