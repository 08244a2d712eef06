import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import {
  executeInsights,
  type FakeInsightsOptions,
  hasPlusSchema,
  insightsDocument,
  plusSchema,
  type RawValue,
} from "./insights-fake-plus";
import {
  CREDITS_METRIC,
  EXECUTION_TIME_METRIC,
  InsightsAnswerError,
  type InsightsByAssetWire,
  type InsightsByJobWire,
  toDeploymentInsights,
} from "./to-insights";

const DAY_S = 86_400;
const D1 = 1_796_083_200; // 2026-12-01T00:00Z in epoch seconds
const D2 = D1 + DAY_S;
const T = EXECUTION_TIME_METRIC;
const C = CREDITS_METRIC;

// A small Insights world: two jobs in analytics, one in ml, three assets.
const VALUES: RawValue[] = [
  { metric: T, location: "analytics", job: "daily", day: D1, value: 120_000 },
  { metric: T, location: "analytics", job: "daily", day: D2, value: 60_000 },
  { metric: T, location: "analytics", job: "hourly", day: D2, value: 30_000 },
  { metric: T, location: "ml", job: "train", day: D1, value: 900_000 },
  { metric: C, location: "analytics", job: "daily", day: D1, value: 1.5 },
  { metric: C, location: "ml", job: "train", day: D1, value: 12 },
  { metric: T, location: "analytics", asset: ["orders"], day: D1, value: 100_000 },
  { metric: T, location: "analytics", asset: ["orders"], day: D2, value: 50_000 },
  { metric: T, location: "analytics", asset: ["sessions"], day: D2, value: 40_000 },
  { metric: T, location: "ml", asset: ["churn_model"], day: D1, value: 900_000 },
  { metric: C, location: "ml", asset: ["churn_model"], day: D1, value: 12 },
];

const vars = (metricName: string, codeLocations: string[] | null = null) => ({
  codeLocations: codeLocations?.map((codeLocationName) => ({ codeLocationName })) ?? null,
  metricName,
  after: D1,
  before: D2 + DAY_S,
});

async function answers(opts: FakeInsightsOptions, codeLocations: string[] | null = null) {
  const job = insightsDocument("insights-by-job.graphql");
  const asset = insightsDocument("insights-by-asset.graphql");
  const run = async <W>(doc: string, metric: string) =>
    (await executeInsights(doc, vars(metric, codeLocations), opts)) as unknown as W;
  return {
    byJob: {
      executionTime: await run<InsightsByJobWire>(job, T),
      credits: await run<InsightsByJobWire>(job, C),
    },
    byAsset: {
      executionTime: await run<InsightsByAssetWire>(asset, T),
      credits: await run<InsightsByAssetWire>(asset, C),
    },
  };
}

/** Expected: the table's raw values summed per location and day, in seconds. */
function expectedSeconds(location: string, day: number, entity: "job" | "asset") {
  return (
    VALUES.filter(
      (v) =>
        v.metric === T &&
        v.location === location &&
        v.day === day &&
        (entity === "job" ? v.job : v.asset),
    ).reduce((s, v) => s + v.value, 0) / 1000
  );
}

// Two schemas of a few hundred kB to parse: generous on a loaded machine.
describe.skipIf(!hasPlusSchema)(
  "Insights answers produced by Dagster+'s 2026-04 schema",
  {
    timeout: 60_000,
  },
  () => {
    it("both documents validate against Dagster+ and not against open source", () => {
      const oss = buildSchema(readFileSync("lib/dagster/generated/schema.graphql", "utf8"), {
        assumeValidSDL: true,
      });
      for (const file of ["insights-by-job.graphql", "insights-by-asset.graphql"]) {
        const doc = parse(insightsDocument(file));
        expect(validate(plusSchema(), doc)).toEqual([]);
        expect(validate(oss, doc).length).toBeGreaterThan(0);
      }
    });

    it("reads execution time per location and day (jobs summed) and per asset", async () => {
      const wire = await answers({ values: VALUES });
      const got = toDeploymentInsights({ deployment: "cloud", at: 1, ...wire });
      const analytics = got.locations.find((l) => l.location === "analytics");
      expect(analytics?.days.map((d) => [d.day, d.executionSeconds])).toEqual([
        [D1 * 1000, expectedSeconds("analytics", D1, "job")],
        [D2 * 1000, expectedSeconds("analytics", D2, "job")],
      ]);
      const orders = got.assets.find((a) => a.id === assetId(["orders"]));
      expect(orders?.location).toBe("analytics");
      expect(orders?.days.map((d) => d.executionSeconds)).toEqual([
        expectedSeconds("analytics", D1, "asset"), // only orders on D1
        50,
      ]);
      expect(got.assets.map((a) => a.id).sort()).toEqual(
        [["churn_model"], ["orders"], ["sessions"]].map(assetId).sort(),
      );
    });

    it("gives credits only where Dagster+ has a value for them", async () => {
      const got = toDeploymentInsights({
        deployment: "cloud",
        at: 1,
        ...(await answers({ values: VALUES })),
      });
      expect(got.hasCredits).toBe(true);
      const ml = got.locations.find((l) => l.location === "ml");
      expect(ml?.days).toEqual([{ day: D1 * 1000, executionSeconds: 900, credits: 12 }]);
      const analytics = got.locations.find((l) => l.location === "analytics");
      expect(analytics?.days.map((d) => d.credits)).toEqual([1.5, null]);
      const sessions = got.assets.find((a) => a.id === assetId(["sessions"]));
      expect(sessions?.days.map((d) => d.credits)).toEqual([null]);
    });

    it("the location filter reaches Dagster+ as the schema's RepositoryCodeLocation", async () => {
      const calls: unknown[] = [];
      const got = toDeploymentInsights({
        deployment: "cloud",
        at: 1,
        ...(await answers({ values: VALUES, calls }, ["ml"])),
      });
      expect(got.locations.map((l) => l.location)).toEqual(["ml"]);
      expect(got.assets.map((a) => a.location)).toEqual(["ml"]);
      expect(calls[0]).toMatchObject({
        by: "job",
        metricsFilter: { codeLocations: [{ codeLocationName: "ml" }] },
        metricsSelector: { metricName: T, granularity: "DAILY", aggregationFunction: "SUM" },
      });
    });

    it("an error member of the answer is an error, not empty figures", async () => {
      const wire = await answers({ values: VALUES, refused: [T] });
      expect(wire.byJob.executionTime.reportingMetricsByJob.__typename).toBe("UnauthorizedError");
      expect(() => toDeploymentInsights({ deployment: "cloud", at: 1, ...wire })).toThrow(
        InsightsAnswerError,
      );
    });
  },
);

describe("toDeploymentInsights without credits", () => {
  it("has no credit figure at all when the credits reads are missing", () => {
    const empty = { __typename: "ReportingMetrics" as const, timestamps: [D1], metrics: [] };
    const got = toDeploymentInsights({
      deployment: "cloud",
      at: 1,
      byJob: {
        executionTime: {
          reportingMetricsByJob: {
            __typename: "ReportingMetrics",
            timestamps: [D1],
            metrics: [
              {
                aggregateValue: 5_000,
                values: [5_000],
                entity: { __typename: "ReportingJob", jobName: "j", codeLocationName: "x" },
              },
            ],
          },
        },
        credits: null,
      },
      byAsset: { executionTime: { reportingMetricsByAsset: empty }, credits: null },
    });
    expect(got.hasCredits).toBe(false);
    expect(got.locations).toEqual([
      { location: "x", days: [{ day: D1 * 1000, executionSeconds: 5, credits: null }] },
    ]);
  });
});
