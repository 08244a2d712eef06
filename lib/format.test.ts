import { describe, expect, it } from "vitest";
import { plural } from "./format";

describe("plural", () => {
  it("uses the singular for exactly one", () => {
    expect(plural(1, "code location")).toBe("1 code location");
    expect(plural(0, "code location")).toBe("0 code locations");
    expect(plural(2, "code location")).toBe("2 code locations");
    expect(plural(3, "team", "teams")).toBe("3 teams");
    expect(plural(1, "asset is", "assets are")).toBe("1 asset is");
  });
});
