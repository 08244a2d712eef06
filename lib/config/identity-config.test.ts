import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./parse-config";

const DEPLOYMENTS = `
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://prod:3000/graphql" }
  - { name: prod-eu, kind: oss, graphqlUrl: "http://eu:3000/graphql" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
`;

/** The problems a ConfigError lists for `text`; none when it parses. */
function problems(text: string): string[] {
  let error: unknown = null;
  try {
    parseConfig(text, "test.yaml");
  } catch (err) {
    error = err;
  }
  return error instanceof ConfigError ? error.problems : [];
}

describe("identity config", () => {
  it("defaults to one asset per deployment (no merge groups)", () => {
    expect(parseConfig(DEPLOYMENTS).identity).toEqual({ mergeDeployments: [] });
  });

  it("accepts explicit merge groups", () => {
    const config = parseConfig(`${DEPLOYMENTS}identity: { mergeDeployments: [[prod, prod-eu]] }`);
    expect(config.identity.mergeDeployments).toEqual([["prod", "prod-eu"]]);
  });

  it("names the path of an unknown, repeated or lonely deployment", () => {
    expect(problems(`${DEPLOYMENTS}identity: { mergeDeployments: [[prod, prod-us]] }`)).toEqual([
      'identity.mergeDeployments[0][1]: names no configured deployment ("prod-us")',
    ]);
    expect(
      problems(`${DEPLOYMENTS}identity: { mergeDeployments: [[prod, prod-eu], [staging, prod]] }`),
    ).toEqual([
      'identity.mergeDeployments[1][1]: lists deployment "prod" in more than one merge group',
    ]);
    expect(problems(`${DEPLOYMENTS}identity: { mergeDeployments: [[prod]] }`)).toEqual([
      "identity.mergeDeployments[0]: must list at least two deployments to merge",
    ]);
    expect(problems(`${DEPLOYMENTS}identity: { environment: x }`)[0]).toMatch(/^identity/);
  });
});
