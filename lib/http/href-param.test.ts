import { describe, expect, it } from "vitest";
import { withParam } from "./href-param";

describe("withParam", () => {
  it("adds, replaces and removes one parameter, keeping the others and the fragment", () => {
    expect(withParam("/api/v1/graph", "format", "gzip")).toBe("/api/v1/graph?format=gzip");
    expect(withParam("/api/v1/graph?env=staging", "format", "gzip")).toBe(
      "/api/v1/graph?env=staging&format=gzip",
    );
    expect(withParam("/a?format=json&x=1", "format", "gzip")).toBe("/a?format=gzip&x=1");
    expect(withParam("/teams/ml?env=dev&range=7d#deploys", "env", undefined)).toBe(
      "/teams/ml?range=7d#deploys",
    );
    expect(withParam("/a?env=dev", "env", undefined)).toBe("/a");
  });

  it("encodes the value", () => {
    expect(withParam("/a", "focus", '["a b"]')).toBe("/a?focus=%5B%22a+b%22%5D");
  });
});
