import { describe, expect, it } from "vitest";
import { def } from "@/lib/testing/asset-fixtures";
import { location } from "@/lib/testing/location-fixtures";
import { compareEnvironments } from "./compare-environments";

const deployments = [
  { name: "stage", environment: "staging" },
  { name: "eu", environment: "prod" },
  { name: "us", environment: "prod" },
];
const assets = [def(["orders"], {}), def(["summary"], {}, { upstream: [["orders"]] })];

describe("compareEnvironments", () => {
  it("sets each location's deployments side by side, base environment first", () => {
    const result = compareEnvironments(
      [
        location("stage", "analytics", assets, { version: "abc123" }),
        location("us", "analytics", assets),
        location("eu", "analytics", assets, { version: "9f8e7d" }),
      ],
      deployments,
      "prod",
    );
    expect(result.environments).toEqual(["prod", "staging"]);
    const [analytics] = result.locations;
    expect(analytics?.baseDeployment).toBe("eu");
    expect(analytics?.entries.map((e) => [e.deployment, e.environment, e.version])).toEqual([
      ["eu", "prod", "9f8e7d"],
      ["us", "prod", null],
      ["stage", "staging", "abc123"],
    ]);
    // The base has no diff of its own; the others are compared with it.
    expect(analytics?.entries[0]?.diff).toBeNull();
    expect(analytics?.entries[2]?.diff).toEqual({ added: [], removed: [], changed: [] });
  });

  it("diffs a candidate's assets against the base environment's", () => {
    const renamed = [def(["orders"], {}), def(["summary_v2"], {}, { upstream: [["orders"]] })];
    const result = compareEnvironments(
      [location("eu", "analytics", assets), location("stage", "analytics", renamed)],
      deployments,
      "prod",
    );
    expect(result.locations[0]?.entries[1]?.diff).toEqual({
      added: [["summary_v2"]],
      removed: [["summary"]],
      changed: [],
    });
  });

  it("shows a failing candidate's error and no diff, and a location only in staging without base", () => {
    const result = compareEnvironments(
      [
        location("eu", "analytics", assets),
        location("stage", "analytics", assets, {
          status: "failed",
          error: { message: "ImportError: nope", className: "ImportError" },
          down: { since: 1, assetsAsOf: null },
        }),
        location("stage", "new-team", assets),
      ],
      deployments,
      "prod",
    );
    const [analytics, newTeam] = result.locations;
    expect(analytics?.entries[1]).toMatchObject({
      status: "failed",
      error: "ImportError: nope",
      diff: null,
    });
    expect(newTeam?.baseDeployment).toBeNull();
    expect(newTeam?.entries.map((e) => e.diff)).toEqual([null]);
  });

  it("leaves out deployments the config does not list", () => {
    const result = compareEnvironments(
      [location("gone", "analytics", assets)],
      deployments,
      "prod",
    );
    expect(result.locations).toEqual([]);
  });
});
