import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLSchema, graphql } from "graphql";

// Test support: Insights answers produced by Dagster+'s published April 2026
// schema itself (graphql-js executing our documents against it), with a small
// resolver map over a table of raw metric values. The answer's shape is the
// schema's, so a fixture cannot drift from it. Not a Dagster+: its numbers are
// the table's, and nothing here says how Dagster+ computes them.

/** Dagster+'s schema, beside the project (../shared/reference), as in CI's schema step. */
export const PLUS_SCHEMA_PATH = path.resolve(
  "../shared/reference/dagster-plus-schema-2026-04.graphql",
);
export const hasPlusSchema = existsSync(PLUS_SCHEMA_PATH);

let schema: GraphQLSchema | null = null;
export function plusSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(PLUS_SCHEMA_PATH, "utf8"), { assumeValidSDL: true });
  return schema;
}

export const insightsDocument = (file: string) =>
  readFileSync(path.resolve("lib/dagster/plus-queries", file), "utf8");

/** One raw value: a job's or an asset's metric on one day (epoch seconds of the UTC day start). */
export interface RawValue {
  metric: string;
  location: string;
  job?: string;
  asset?: string[];
  day: number;
  value: number;
}

export interface FakeInsightsOptions {
  values: RawValue[];
  /** Metrics answered with UnauthorizedError (e.g. credits on a plan without them). */
  refused?: string[];
  /** Every call's arguments, for assertions on what was asked. */
  calls?: unknown[];
}

interface Args {
  metricsFilter?: { codeLocations?: { codeLocationName?: string }[] | null } | null;
  metricsSelector: { metricName: string; after: number; before: number };
}

function reporting(opts: FakeInsightsOptions, by: "job" | "asset") {
  return (args: Args) => {
    opts.calls?.push({ by, ...args });
    const { metricName, after, before } = args.metricsSelector;
    if (opts.refused?.includes(metricName))
      return { __typename: "UnauthorizedError", message: `no access to ${metricName}` };
    const wanted = args.metricsFilter?.codeLocations?.map((c) => c.codeLocationName);
    const rows = opts.values.filter(
      (v) =>
        v.metric === metricName &&
        (by === "job" ? v.job !== undefined : v.asset !== undefined) &&
        v.day >= after &&
        v.day < before &&
        (!wanted || wanted.includes(v.location)),
    );
    const timestamps = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
    const entities = new Map<string, RawValue[]>();
    for (const r of rows) {
      const k = JSON.stringify([r.location, r.job ?? r.asset]);
      entities.set(k, [...(entities.get(k) ?? []), r]);
    }
    return {
      __typename: "ReportingMetrics",
      timestamps,
      metrics: [...entities.values()].map((list) => {
        const first = list[0] as RawValue;
        const values = timestamps.map((t) => list.find((r) => r.day === t)?.value ?? null);
        return {
          aggregateValue: list.reduce((s, r) => s + r.value, 0),
          values,
          entity:
            by === "job"
              ? {
                  __typename: "ReportingJob",
                  jobName: first.job,
                  codeLocationName: first.location,
                  repositoryName: "__repository__",
                }
              : {
                  __typename: "ReportingAsset",
                  assetKey: { path: first.asset },
                  codeLocationName: first.location,
                  repositoryName: "__repository__",
                },
        };
      }),
    };
  };
}

/** Executes one of our Insights documents against Dagster+'s schema; throws on any GraphQL error. */
export async function executeInsights(
  source: string,
  variables: Record<string, unknown>,
  opts: FakeInsightsOptions,
): Promise<Record<string, unknown>> {
  const result = await graphql({
    schema: plusSchema(),
    source,
    variableValues: variables,
    rootValue: {
      reportingMetricsByJob: reporting(opts, "job"),
      reportingMetricsByAsset: reporting(opts, "asset"),
    },
  });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.data as Record<string, unknown>;
}
