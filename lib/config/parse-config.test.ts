import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, formatPath, parseConfig } from "./parse-config";

const GOOD = `
deployments:
  - name: prod
    kind: plus
    graphqlUrl: https://acme.dagster.cloud/prod/graphql/
    tokenEnv: DAGSTER_PROD_TOKEN
    uiUrl: https://acme.dagster.cloud/prod
  - name: local
    kind: oss
    graphqlUrl: http://127.0.0.1:3070/graphql
teams:
  - slug: analytics
    name: Analytics
    owners: ["team:analytics"]
    locations: [{ deployment: prod, location: analytics-team }]
`;

function problems(text: string): string[] {
  try {
    parseConfig(text, "test.yaml");
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("accepts a good file and fills defaults", () => {
    const config = parseConfig(GOOD);
    expect(config.deployments.map((d) => d.name)).toEqual(["prod", "local"]);
    expect(config.deployments[0]?.graphqlUrl).toBe("https://acme.dagster.cloud/prod/graphql");
    expect(config.refresh).toEqual({
      locationStatusSeconds: 15,
      assetStatusSeconds: 30,
      runsSeconds: 60,
      requestTimeoutSeconds: 15,
      runsWindowDays: 30,
      assetBatchSize: 250,
      assetParallelism: 2,
      incremental: true,
      sweepSeconds: 1800,
      followUpSeconds: 90,
    });
    expect(config.teams[0]?.owners).toEqual(["team:analytics"]);
  });

  it("accepts the demo config shipped in the repository", () => {
    const file = path.join(__dirname, "../../healthboard.config.yaml");
    const config = parseConfig(readFileSync(file, "utf8"), file);
    expect(config.teams.map((t) => t.slug)).toEqual(["analytics", "ml", "finance"]);
  });

  it("names the field and path of a bad URL", () => {
    const bad = GOOD.replace("http://127.0.0.1:3070/graphql", "not a url");
    expect(problems(bad)).toEqual(["deployments[1].graphqlUrl: must be an http(s) URL"]);
  });

  it("requires tokenEnv for Dagster+", () => {
    const bad = GOOD.replace("    tokenEnv: DAGSTER_PROD_TOKEN\n", "");
    expect(problems(bad)[0]).toMatch(/^deployments\[0\]\.tokenEnv: is required for a Dagster\+/);
  });

  it("requires https for Dagster+, naming the field", () => {
    const bad = GOOD.replace(
      "https://acme.dagster.cloud/prod/graphql/",
      "http://acme.dagster.cloud/prod/graphql/",
    );
    expect(problems(bad)).toEqual([
      "deployments[0].graphqlUrl: must be an https URL for a Dagster+ deployment (its token travels with each request)",
    ]);
    // Loopback is no exception for Dagster+; open source may stay on http.
    const loopback = GOOD.replace(
      "https://acme.dagster.cloud/prod/graphql/",
      "http://127.0.0.1:3000/graphql",
    );
    expect(problems(loopback)[0]).toMatch(/^deployments\[0\]\.graphqlUrl: must be an https URL/);
  });

  it("refuses what looks like a token instead of a variable name", () => {
    const bad = GOOD.replace("DAGSTER_PROD_TOKEN", "user:abc123-secret");
    expect(problems(bad)[0]).toMatch(
      /^deployments\[0\]\.tokenEnv: must be an environment variable name/,
    );
  });

  it("rejects an unknown kind", () => {
    const bad = GOOD.replace("kind: oss", "kind: cloud");
    expect(problems(bad)[0]).toMatch(/^deployments\[1\]\.kind: /);
  });

  it("rejects unknown keys, naming them", () => {
    const bad = GOOD.replace("    kind: oss\n", "    kind: oss\n    token: abc\n");
    expect(problems(bad)[0]).toMatch(/^deployments\[1\]: .*token/);
  });

  it("rejects a team location in a deployment that does not exist", () => {
    const bad = GOOD.replace("deployment: prod, location", "deployment: staging, location");
    expect(problems(bad)).toEqual([
      'teams[0].locations[0].deployment: names no configured deployment ("staging")',
    ]);
  });

  it("rejects duplicate deployment names and team slugs", () => {
    const bad = `${GOOD.replace("name: local", "name: prod")}  - slug: analytics\n    name: Again\n`;
    const found = problems(bad);
    expect(found).toContain('deployments[1].name: duplicates deployment "prod"');
    expect(found).toContain('teams[1].slug: duplicates team "analytics"');
  });

  it("rejects an empty file and an empty deployment list", () => {
    expect(problems("")[0]).toMatch(/^deployments: /);
    expect(problems("deployments: []\n")[0]).toBe("deployments: must list at least one deployment");
  });

  it("rejects bad refresh intervals", () => {
    const bad = `${GOOD}refresh:\n  assetStatusSeconds: -1\n`;
    expect(problems(bad)[0]).toMatch(/^refresh\.assetStatusSeconds: /);
  });

  it("reports YAML syntax errors with a line number", () => {
    expect(problems("deployments:\n  - name: [unclosed\n")[0]).toMatch(/^line \d+, column \d+: /);
  });

  it("puts the file name and every problem in the message", () => {
    const bad = GOOD.replace("kind: oss", "kind: cloud").replace("not", "x");
    expect(() => parseConfig(bad, "my.yaml")).toThrow(
      /Invalid Healthboard config my\.yaml:\n {2}- deployments\[1\]\.kind/,
    );
  });
});

describe("formatPath", () => {
  it("renders array indices in brackets", () => {
    expect(formatPath(["teams", 1, "locations", 0, "deployment"])).toBe(
      "teams[1].locations[0].deployment",
    );
  });
});

describe("embed settings", () => {
  it("accepts origins, with a subdomain wildcard, and names a bad one by its path", () => {
    const ok = parseConfig(
      `${GOOD}embed:\n  frameAncestors: ["https://acme.atlassian.net", "https://*.notion.site", "http://127.0.0.1:3105"]\n`,
      "test.yaml",
    );
    expect(ok.embed.frameAncestors).toHaveLength(3);
    expect(parseConfig(GOOD, "test.yaml").embed.frameAncestors).toEqual([]);
    const bad = problems(
      `${GOOD}embed:\n  frameAncestors: ["https://wiki.example.com/path", "'none' https://x"]\n`,
    );
    expect(bad.join("\n")).toMatch(/embed\.frameAncestors\[0\].*origin/);
    expect(bad.join("\n")).toMatch(/embed\.frameAncestors\[1\]/);
  });
});

// The store section (lib/store/, docs/replicas.md).
const STORE_BASE = `
deployments:
  - name: local
    kind: oss
    graphqlUrl: http://127.0.0.1:3070/graphql
`;

describe("store config", () => {
  it("defaults to the embedded SQLite store", () => {
    expect(parseConfig(STORE_BASE).store).toEqual({ kind: "sqlite" });
  });

  it("takes PostgreSQL with the variable that holds its URL, and lease defaults", () => {
    const config = parseConfig(
      `${STORE_BASE}store: { kind: postgres, urlEnv: HEALTHBOARD_DATABASE_URL }\n`,
    );
    expect(config.store).toEqual({
      kind: "postgres",
      urlEnv: "HEALTHBOARD_DATABASE_URL",
      leaseSeconds: 15,
      poolSize: 10,
    });
  });

  it("names the field when it is wrong", () => {
    expect(problems(`${STORE_BASE}store: { kind: postgres }\n`).join("\n")).toContain(
      "store.urlEnv",
    );
    expect(
      problems(`${STORE_BASE}store: { kind: postgres, urlEnv: "postgres://u@h/db" }\n`).join("\n"),
    ).toMatch(/store\.urlEnv: must be an environment variable name/);
    expect(
      problems(`${STORE_BASE}store: { kind: postgres, urlEnv: DB_URL, leaseSeconds: 1 }\n`).join(
        "\n",
      ),
    ).toContain("store.leaseSeconds");
    expect(problems(`${STORE_BASE}store: { kind: mysql }\n`).join("\n")).toContain("store.kind");
    expect(problems(`${STORE_BASE}store: { kind: sqlite, urlEnv: DB_URL }\n`).join("\n")).toContain(
      "store",
    );
  });
});
