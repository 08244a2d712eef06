import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import type { DeploymentConfig, HealthboardConfig } from "@/lib/config/config-schema";
import { DagsterError, DagsterHttpError } from "@/lib/dagster/errors";
import { type DagsterTarget, dagsterRequest } from "@/lib/dagster/transport";
import {
  CREDITS_METRIC,
  type DeploymentInsights,
  EXECUTION_TIME_METRIC,
  type InsightsByAssetWire,
  type InsightsByJobWire,
  toDeploymentInsights,
} from "./to-insights";

// Dagster+ Insights on a slow schedule: for each `kind: plus` deployment, the
// two Insights documents (by job, by asset), each for execution time and for
// credits, over the runs window, through the one transport. Insights are
// computed about once a day, so an hourly read is plenty; a failed read keeps
// the last good figures, and one that may pass is tried again sooner (a
// timed-out request is not retried within the transport, so one stall would
// otherwise cost an hour; retryDelayMs).
// Never run against a live Dagster+ (docs/dagster-plus.md).

const REFRESH_MS = 60 * 60_000;
const RETRY_MS = 5 * 60_000;
const DAY = 86_400_000;

interface Variables extends Record<string, unknown> {
  codeLocations: { codeLocationName: string }[] | null;
  metricName: string;
  after: number;
  before: number;
}

const documents = new Map<string, TypedDocumentNode<unknown, Variables>>();

/** The .graphql file itself, so what runs is what scripts/check-plus-schema.mjs validated. */
function plusDocument<T>(file: string): TypedDocumentNode<T, Variables> {
  let doc = documents.get(file);
  if (!doc) {
    doc = parse(
      readFileSync(
        /*turbopackIgnore: true*/ path.join(process.cwd(), "lib/dagster/plus-queries", file),
        "utf8",
      ),
    ) as TypedDocumentNode<unknown, Variables>;
    documents.set(file, doc);
  }
  return doc as TypedDocumentNode<T, Variables>;
}

export interface InsightsState {
  deployment: string;
  /** Last good figures; null until one read succeeded. */
  insights: DeploymentInsights | null;
  /** The last read's error, null when it succeeded. */
  error: string | null;
}

const states = new Map<string, InsightsState>();
let started = false;

/**
 * One read of a deployment's Insights over [now − days, now]: execution time
 * is required; credits are read too and left out when Dagster+ refuses them.
 * `codeLocations` null reads every location of the deployment.
 */
export async function readInsights(
  target: DagsterTarget,
  opts: { now: number; days: number; codeLocations: string[] | null },
): Promise<DeploymentInsights> {
  const vars = (metricName: string): Variables => ({
    codeLocations: opts.codeLocations?.map((codeLocationName) => ({ codeLocationName })) ?? null,
    metricName,
    // Whole UTC days, in epoch seconds as Insights count time.
    after: (Math.floor(opts.now / DAY) * DAY - opts.days * DAY) / 1000,
    before: opts.now / 1000,
  });
  const byJob = plusDocument<InsightsByJobWire>("insights-by-job.graphql");
  const byAsset = plusDocument<InsightsByAssetWire>("insights-by-asset.graphql");
  // One at a time: a slow schedule, no reason to burst a hosted API.
  const jobTime = await dagsterRequest(target, byJob, vars(EXECUTION_TIME_METRIC));
  const assetTime = await dagsterRequest(target, byAsset, vars(EXECUTION_TIME_METRIC));
  const optional = async <T extends InsightsByJobWire | InsightsByAssetWire>(
    doc: TypedDocumentNode<T, Variables>,
  ): Promise<T | null> => {
    const answer = await dagsterRequest(target, doc, vars(CREDITS_METRIC)).catch(() => null);
    const wire = answer && Object.values(answer)[0];
    return wire?.__typename === "ReportingMetrics" ? answer : null;
  };
  return toDeploymentInsights({
    deployment: target.deployment,
    at: Date.now(),
    byJob: { executionTime: jobTime, credits: await optional(byJob) },
    byAsset: { executionTime: assetTime, credits: await optional(byAsset) },
  });
}

/** The code locations Healthboard knows in a deployment (the location collector's); empty before its first read. */
export type LocationsOf = (deployment: string) => string[];

/**
 * When to read again after a failure: sooner for one that may pass (a timeout,
 * a 5xx), never before a Retry-After, and at the usual hour for one that will
 * not (a refused token, Insights not enabled).
 */
export function retryDelayMs(err: unknown): number {
  if (!(err instanceof DagsterError) || !err.retryable) return REFRESH_MS;
  const retryAfter = err instanceof DagsterHttpError ? (err.retryAfterMs ?? 0) : 0;
  return Math.max(RETRY_MS, retryAfter);
}

/** Reads one deployment's Insights; returns when to read again. */
async function refresh(
  d: DeploymentConfig,
  config: HealthboardConfig,
  locationsOf: LocationsOf,
): Promise<number> {
  const last = states.get(d.name);
  try {
    const target: DagsterTarget = {
      deployment: d.name,
      kind: d.kind,
      graphqlUrl: d.graphqlUrl,
      tokenEnv: d.tokenEnv,
      timeoutMs: config.refresh.requestTimeoutSeconds * 1000,
    };
    const known = locationsOf(d.name);
    const insights = await readInsights(target, {
      now: Date.now(),
      days: config.refresh.runsWindowDays,
      // Filtered to the locations Healthboard shows; all of them until those are known.
      codeLocations: known.length ? [...known].sort() : null,
    });
    states.set(d.name, { deployment: d.name, insights, error: null });
    return REFRESH_MS;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    states.set(d.name, { deployment: d.name, insights: last?.insights ?? null, error });
    return retryDelayMs(err);
  }
}

/** Starts the hourly read once per process; does nothing without a Dagster+ deployment. */
export function startInsights(config: HealthboardConfig, locationsOf: LocationsOf): void {
  if (started) return;
  started = true;
  for (const d of config.deployments.filter((x) => x.kind === "plus")) {
    const read = (): void =>
      void refresh(d, config, locationsOf).then((delayMs) => {
        setTimeout(read, delayMs).unref();
      });
    read();
  }
}

/** Every Dagster+ deployment's last good Insights (none for open source). */
export function currentInsights(): DeploymentInsights[] {
  return [...states.values()].flatMap((s) => (s.insights ? [s.insights] : []));
}

/** Changes whenever a read brings new figures: for caches keyed on what they show. */
export function insightsStamp(): string {
  return currentInsights()
    .map((i) => `${i.deployment}@${i.at}`)
    .join(",");
}
