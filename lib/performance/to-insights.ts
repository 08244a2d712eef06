import { assetId } from "@/lib/domain/types";

// Dagster+ Insights (lib/dagster/plus-queries/insights-by-*.graphql) read as
// domain figures: the boundary between Dagster+'s reporting shape and the
// Compute panel. Written against Dagster+'s published April 2026 schema and
// tested with answers that schema itself produces (to-insights.test.ts); never
// run against a live Dagster+ (docs/dagster-plus.md).

/** The two Insights metrics Healthboard reads. */
export const EXECUTION_TIME_METRIC = "__dagster_execution_time_ms";
export const CREDITS_METRIC = "__dagster_dagster_credits";

/** One entry of `ReportingMetrics.metrics` as our documents select it. */
export interface ReportingEntryWire {
  aggregateValue: number;
  values: (number | null)[];
  entity:
    | { __typename: "ReportingJob"; jobName: string; codeLocationName: string }
    | {
        __typename: "ReportingAsset";
        assetKey: { path: string[] };
        codeLocationName: string;
      }
    | { __typename: string };
}

/** `reportingMetricsByJob` / `reportingMetricsByAsset` (ReportingMetricsOrError). */
export type ReportingMetricsWire =
  | {
      __typename: "ReportingMetrics";
      /** Epoch seconds, one per value of every entry. */
      timestamps: number[];
      metrics: (ReportingEntryWire | null)[];
    }
  | { __typename: "UnauthorizedError" | "ReportingInputError" | "PythonError"; message: string };

export interface InsightsByJobWire {
  reportingMetricsByJob: ReportingMetricsWire;
}
export interface InsightsByAssetWire {
  reportingMetricsByAsset: ReportingMetricsWire;
}

/** A day of one code location's jobs, or of one asset (UTC day start, epoch ms). */
export interface InsightsDay {
  day: number;
  executionSeconds: number;
  /** Null when Dagster+ gave no credits for it (no credits metric, or no value that day). */
  credits: number | null;
}

export interface InsightsLocation {
  location: string;
  days: InsightsDay[];
}

export interface InsightsAsset {
  /** assetId of the key (lib/domain/types). */
  id: string;
  location: string;
  days: InsightsDay[];
}

/** What one Dagster+ deployment's Insights said at one read. */
export interface DeploymentInsights {
  deployment: string;
  /** When the read finished (epoch ms). */
  at: number;
  /** The location's jobs, summed per day (reportingMetricsByJob). */
  locations: InsightsLocation[];
  /** Per asset (reportingMetricsByAsset). */
  assets: InsightsAsset[];
  /** Whether Dagster+ answered the credits metric at all (some plans have none). */
  hasCredits: boolean;
}

/** Thrown for an answer that is one of the union's error members. */
export class InsightsAnswerError extends Error {}

function entriesOf(wire: ReportingMetricsWire, what: string) {
  if (wire.__typename !== "ReportingMetrics" || !("timestamps" in wire)) {
    const message = "message" in wire ? wire.message : "no message";
    throw new InsightsAnswerError(`${what}: ${wire.__typename}: ${message}`);
  }
  return { days: wire.timestamps.map((s) => Math.round(s * 1000)), entries: wire.metrics };
}

type Daily = Map<string, Map<number, { ms: number; credits: number | null }>>;

/** Adds an answer's values to `into`, per entity key and day: execution time or credits. */
function addValues(
  into: Daily,
  wire: ReportingMetricsWire,
  what: string,
  keyOf: (e: ReportingEntryWire["entity"]) => string | null,
  field: "ms" | "credits",
): void {
  const { days, entries } = entriesOf(wire, what);
  for (const e of entries) {
    const key = e ? keyOf(e.entity) : null;
    if (!e || key === null) continue;
    const perDay = into.get(key) ?? new Map();
    into.set(key, perDay);
    e.values.forEach((v, i) => {
      const day = days[i];
      if (v === null || day === undefined) return;
      const cell = perDay.get(day) ?? { ms: 0, credits: null };
      if (field === "ms") cell.ms += v;
      else cell.credits = (cell.credits ?? 0) + v;
      perDay.set(day, cell);
    });
  }
}

const toDays = (perDay: Map<number, { ms: number; credits: number | null }>): InsightsDay[] =>
  [...perDay]
    .sort(([a], [b]) => a - b)
    .map(([day, c]) => ({ day, executionSeconds: c.ms / 1000, credits: c.credits }));

const jobLocation = (e: ReportingEntryWire["entity"]) =>
  e.__typename === "ReportingJob" && "codeLocationName" in e ? e.codeLocationName : null;
const assetEntity = (e: ReportingEntryWire["entity"]) =>
  e.__typename === "ReportingAsset" && "assetKey" in e
    ? JSON.stringify([e.codeLocationName, assetId(e.assetKey.path)])
    : null;

/**
 * One deployment's Insights answers as figures. Execution time is required;
 * credits are optional (null when that read failed or was not made), and a
 * credit figure exists only where Dagster+ gave a value.
 */
export function toDeploymentInsights(input: {
  deployment: string;
  at: number;
  byJob: { executionTime: InsightsByJobWire; credits: InsightsByJobWire | null };
  byAsset: { executionTime: InsightsByAssetWire; credits: InsightsByAssetWire | null };
}): DeploymentInsights {
  const { byJob, byAsset } = input;
  const jobs: Daily = new Map();
  addValues(jobs, byJob.executionTime.reportingMetricsByJob, "by job", jobLocation, "ms");
  if (byJob.credits)
    addValues(jobs, byJob.credits.reportingMetricsByJob, "credits by job", jobLocation, "credits");
  const assets: Daily = new Map();
  addValues(assets, byAsset.executionTime.reportingMetricsByAsset, "by asset", assetEntity, "ms");
  if (byAsset.credits)
    addValues(
      assets,
      byAsset.credits.reportingMetricsByAsset,
      "credits by asset",
      assetEntity,
      "credits",
    );
  return {
    deployment: input.deployment,
    at: input.at,
    locations: [...jobs]
      .map(([location, perDay]) => ({ location, days: toDays(perDay) }))
      .sort((a, b) => a.location.localeCompare(b.location)),
    assets: [...assets]
      .map(([key, perDay]) => {
        const [location, id] = JSON.parse(key) as [string, string];
        return { id, location, days: toDays(perDay) };
      })
      .sort((a, b) => a.location.localeCompare(b.location) || a.id.localeCompare(b.id)),
    hasCredits: byJob.credits !== null || byAsset.credits !== null,
  };
}
