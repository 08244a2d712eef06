import { describe, expect, it } from "vitest";
import { def } from "@/lib/testing/asset-fixtures";
import { diffAssets, isEmptyDiff, partitionsOf } from "./asset-diff";

const prod = { deployment: "prod", location: "analytics" };
const staging = { deployment: "staging", location: "analytics" };

describe("diffAssets", () => {
  it("finds nothing between identical definitions in two deployments", () => {
    const base = [def(["a"], prod), def(["b"], prod, { upstream: [["a"]] })];
    const head = [def(["b"], staging, { upstream: [["a"]] }), def(["a"], staging)];
    expect(isEmptyDiff(diffAssets(base, head))).toBe(true);
  });

  it("lists added and removed keys, sorted", () => {
    const base = [def(["a"], prod), def(["z"], prod), def(["m"], prod)];
    const head = [def(["a"], staging), def(["y"], staging), def(["c"], staging)];
    const diff = diffAssets(base, head);
    expect(diff.added).toEqual([["c"], ["y"]]);
    expect(diff.removed).toEqual([["m"], ["z"]]);
    expect(diff.changed).toEqual([]);
  });

  it("reports each changed field with its before and after value", () => {
    const base = [
      def(["s"], prod, { upstream: [["a"], ["b"]] }, { codeVersion: "1", partitions: null }),
    ];
    const head = [
      def(
        ["s"],
        staging,
        { upstream: [["a"]] },
        {
          codeVersion: "2",
          partitions: "TIME_WINDOW: Daily",
          freshnessPolicy: {
            kind: "time-window",
            failWindowSeconds: 7200,
            warnWindowSeconds: null,
          },
        },
      ),
    ];
    const [changed] = diffAssets(base, head).changed;
    expect(changed?.key).toEqual(["s"]);
    expect(changed?.changes).toEqual([
      { field: "dependencies", before: "a, b", after: "a" },
      { field: "partitions", before: null, after: "TIME_WINDOW: Daily" },
      { field: "codeVersion", before: "1", after: "2" },
      { field: "freshnessPolicy", before: null, after: "fresh within 2 h" },
    ]);
  });

  it("ignores the order in which dependencies are listed", () => {
    const base = [def(["s"], prod, { upstream: [["a"], ["b"]] })];
    const head = [def(["s"], staging, { upstream: [["b"], ["a"]] })];
    expect(diffAssets(base, head).changed).toEqual([]);
  });

  it("falls back to isPartitioned where a fixture carries no description", () => {
    expect(partitionsOf(def(["p"], prod, {}, { isPartitioned: true }))).toBe("partitioned");
    expect(partitionsOf(def(["p"], prod))).toBeNull();
  });
});
