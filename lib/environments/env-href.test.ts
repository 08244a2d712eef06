import { describe, expect, it } from "vitest";
import { linkEnvironment, switchHref, withEnv } from "./env-href";

describe("withEnv", () => {
  it("adds env after the existing parameters and before the hash", () => {
    expect(withEnv("/teams/ml?range=7d#assets", "staging")).toBe(
      "/teams/ml?range=7d&env=staging#assets",
    );
    expect(withEnv("/lineage", "staging")).toBe("/lineage?env=staging");
  });

  it("replaces an env already there, and removes it for the default", () => {
    expect(withEnv("/?env=staging", "branch")).toBe("/?env=branch");
    expect(withEnv("/teams/ml?env=staging&range=24h", undefined)).toBe("/teams/ml?range=24h");
    expect(withEnv("/?env=staging", undefined)).toBe("/");
  });

  it("encodes the name", () => {
    expect(withEnv("/", "a b")).toBe("/?env=a+b");
  });
});

describe("switchHref", () => {
  it("keeps the page and its view, switching only the environment", () => {
    expect(switchHref("/teams/ml", "?range=24h&location=ml-platform", "staging", "prod")).toBe(
      "/teams/ml?range=24h&location=ml-platform&env=staging",
    );
    expect(switchHref("/lineage", "focus=x&env=staging&z=1.5", "prod", "prod")).toBe(
      "/lineage?focus=x&z=1.5",
    );
    expect(switchHref("/", "", "staging", "prod")).toBe("/?env=staging");
  });

  it("writes the default environment when the default is not prod", () => {
    expect(switchHref("/", "?env=dev", "staging", "staging")).toBe("/");
    expect(switchHref("/", "", "prod", "staging")).toBe("/?env=prod");
  });
});

describe("linkEnvironment", () => {
  it("is undefined for the default environment only", () => {
    expect(linkEnvironment("prod", "prod")).toBeUndefined();
    expect(linkEnvironment("staging", "prod")).toBe("staging");
  });
});
