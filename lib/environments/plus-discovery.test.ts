import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { discoveredDeployments, type PlusDeploymentsWire } from "./plus-discovery";
import { branch, deployment } from "./plus-wire-fixtures";

const URL = "https://acme.dagster.cloud/prod/graphql";

describe("discoveredDeployments", () => {
  it("reads full deployments as environments of their name and open branches as branch", () => {
    const wire: PlusDeploymentsWire = {
      fullDeployments: [
        deployment("Staging"),
        deployment("prod"),
        deployment("old", { deploymentStatus: "PENDING_DELETION" }),
      ],
      branchDeployments: {
        nodes: [
          branch("older", "OPEN", 100),
          branch("merged", "MERGED", 300),
          branch("newer", "OPEN", 200),
        ],
      },
    };
    const found = discoveredDeployments(URL, wire);
    expect(found.map((d) => [d.name, d.environment, d.graphqlUrl])).toEqual([
      ["prod", "prod", "https://acme.dagster.cloud/prod/graphql"],
      ["Staging", "staging", "https://acme.dagster.cloud/Staging/graphql"],
      ["newer", "branch", "https://acme.dagster.cloud/newer/graphql"],
      ["older", "branch", "https://acme.dagster.cloud/older/graphql"],
    ]);
    expect(found[2]).toMatchObject({
      parent: "prod",
      branch: {
        name: "feature/newer",
        pullRequestUrl: "https://github.com/acme/analytics/pull/200",
        pullRequestStatus: "OPEN",
      },
      commit: { hash: "abc200", author: "alice@example.com", at: 200_000 },
    });
  });

  // Two schemas of a few hundred kB to parse: generous on a loaded CI machine.
  it("sends a document Dagster+'s April 2026 schema accepts and open source does not", {
    timeout: 60_000,
  }, () => {
    const doc = parse(
      readFileSync(path.resolve("lib/dagster/plus-queries/plus-deployments.graphql"), "utf8"),
    );
    const plus = path.resolve("../shared/reference/dagster-plus-schema-2026-04.graphql");
    const oss = buildSchema(readFileSync("lib/dagster/generated/schema.graphql", "utf8"), {
      assumeValidSDL: true,
    });
    expect(validate(oss, doc).length).toBeGreaterThan(0);
    let plusSchema: string;
    try {
      plusSchema = readFileSync(plus, "utf8");
    } catch {
      return; // a clone without ../shared: the test command's schema step checks it
    }
    expect(validate(buildSchema(plusSchema, { assumeValidSDL: true }), doc)).toEqual([]);
  });
});
