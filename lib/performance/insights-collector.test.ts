import { afterEach, describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { type ScriptedServer, startScriptedServer } from "@/lib/testing/scripted-server";
import { readInsights } from "./insights-collector";
import { executeInsights, type FakeInsightsOptions, hasPlusSchema } from "./insights-fake-plus";
import { CREDITS_METRIC, EXECUTION_TIME_METRIC } from "./to-insights";

// The collector's read through the one transport, over a real HTTP server that
// answers by executing the request against Dagster+'s 2026-04 schema.

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 2, 15, 30);
const yesterday = (Date.UTC(2026, 11, 2) - DAY) / 1000;

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env.TEST_PLUS_TOKEN;
});

const plusTarget = (url: string) => ({
  deployment: "cloud",
  kind: "plus" as const,
  graphqlUrl: url,
  tokenEnv: "TEST_PLUS_TOKEN",
  timeoutMs: 10_000,
});

async function fakePlus(opts: FakeInsightsOptions): Promise<ScriptedServer> {
  const s: ScriptedServer = await startScriptedServer([], (_req, res) => {
    const body = s.requests.at(-1)?.body ?? {};
    executeInsights(body.query ?? "", body.variables ?? {}, opts).then(
      (data) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data })),
      (err: Error) =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ errors: [{ message: err.message }] })),
    );
  });
  return s;
}

describe.skipIf(!hasPlusSchema)("readInsights over HTTP", { timeout: 60_000 }, () => {
  it("sends both documents with the token, whole days and the locations, and reads the answers", async () => {
    const calls: unknown[] = [];
    server = await fakePlus({
      calls,
      values: [
        {
          metric: EXECUTION_TIME_METRIC,
          location: "analytics",
          job: "daily",
          day: yesterday,
          value: 90_000,
        },
        {
          metric: EXECUTION_TIME_METRIC,
          location: "analytics",
          asset: ["orders"],
          day: yesterday,
          value: 80_000,
        },
        { metric: CREDITS_METRIC, location: "analytics", job: "daily", day: yesterday, value: 3 },
      ],
    });
    process.env.TEST_PLUS_TOKEN = "secret-token";
    const got = await readInsights(plusTarget(server.url), {
      now,
      days: 30,
      codeLocations: ["analytics"],
    });
    expect(server.requests).toHaveLength(4);
    expect(
      server.requests.every((r) => r.headers["dagster-cloud-api-token"] === "secret-token"),
    ).toBe(true);
    const queries = server.requests.map((r) => r.body.query?.match(/query (\w+)/)?.[1]);
    expect(queries.sort()).toEqual([
      "InsightsByAsset",
      "InsightsByAsset",
      "InsightsByJob",
      "InsightsByJob",
    ]);
    expect(server.requests[0]?.body.variables).toEqual({
      codeLocations: [{ codeLocationName: "analytics" }],
      metricName: EXECUTION_TIME_METRIC,
      after: (Date.UTC(2026, 11, 2) - 30 * DAY) / 1000,
      before: now / 1000,
    });
    expect(got.locations).toEqual([
      {
        location: "analytics",
        days: [{ day: yesterday * 1000, executionSeconds: 90, credits: 3 }],
      },
    ]);
    expect(got.assets).toEqual([
      {
        id: assetId(["orders"]),
        location: "analytics",
        days: [{ day: yesterday * 1000, executionSeconds: 80, credits: null }],
      },
    ]);
    expect(got.hasCredits).toBe(true);
  });

  it("reads execution time without credits when Dagster+ refuses the credits metric", async () => {
    server = await fakePlus({
      refused: [CREDITS_METRIC],
      values: [
        {
          metric: EXECUTION_TIME_METRIC,
          location: "ml",
          job: "train",
          day: yesterday,
          value: 10_000,
        },
      ],
    });
    process.env.TEST_PLUS_TOKEN = "t";
    const got = await readInsights(plusTarget(server.url), { now, days: 7, codeLocations: null });
    expect(got.hasCredits).toBe(false);
    expect(got.locations[0]?.days[0]).toEqual({
      day: yesterday * 1000,
      executionSeconds: 10,
      credits: null,
    });
    expect(server.requests[0]?.body.variables?.codeLocations).toBeNull();
  });

  it("fails the read when Dagster+ refuses execution time", async () => {
    server = await fakePlus({ refused: [EXECUTION_TIME_METRIC], values: [] });
    process.env.TEST_PLUS_TOKEN = "t";
    await expect(
      readInsights(plusTarget(server.url), { now, days: 7, codeLocations: null }),
    ).rejects.toThrow(/UnauthorizedError/);
  });
});
