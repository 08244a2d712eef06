import { describe, expect, it } from "vitest";
import { deploymentsIn, environmentNames, resolveEnvironment } from "./environments";

const deployments = [
  { name: "eu", environment: "prod" },
  { name: "pr-12", environment: "branch" },
  { name: "qa", environment: "acceptance" },
  { name: "stage", environment: "staging" },
  { name: "us", environment: "prod" },
];

describe("environments", () => {
  it("orders the known environments by promotion, then the user's own by name", () => {
    expect(environmentNames(deployments)).toEqual(["prod", "staging", "branch", "acceptance"]);
  });

  it("lists the deployments of one environment in configured order", () => {
    expect(deploymentsIn(deployments, "prod")).toEqual(["eu", "us"]);
    expect(deploymentsIn(deployments, "dev")).toEqual([]);
  });

  it("defaults to prod, accepts a known environment and refuses an unknown one", () => {
    expect(resolveEnvironment(deployments, undefined)).toBe("prod");
    expect(resolveEnvironment(deployments, "staging")).toBe("staging");
    expect(resolveEnvironment(deployments, "nope")).toBeNull();
  });

  it("falls back to the first environment when none is prod", () => {
    expect(resolveEnvironment([{ environment: "dev" }, { environment: "staging" }], "")).toBe(
      "staging",
    );
  });
});
