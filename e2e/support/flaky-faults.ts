import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import type { Fault } from "./fault-control";
import { FAULT_INSTANCES, faultsUrl } from "./fault-instances";

// The faults spec's fault table and its view of the "flaky" deployment
// (e2e/faults.spec.ts): what each fault is reported as, and when flaky has
// recovered, read from the fault Healthboard's team API.

const FAULTS_URL = faultsUrl(FAULT_INSTANCES.faults);

export interface Freshness {
  deployment: string;
  locationsAsOf: number | null;
  statusesAsOf: number | null;
  errors: string[];
}

export async function flakyFreshness(): Promise<Freshness> {
  const res = await fetch(`${FAULTS_URL}/api/v1/teams/flaky-team`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { freshnessOfData: Freshness[] };
  const flaky = body.freshnessOfData.find((d) => d.deployment === "flaky");
  if (!flaky) throw new Error("flaky-team has no freshness for the flaky deployment");
  return flaky;
}

/** Waits until Healthboard's collectors report an error matching `pattern` for flaky. */
export async function waitForFault(pattern: RegExp, timeout = 20_000): Promise<Freshness> {
  let seen: Freshness | undefined;
  await expect
    .poll(
      async () => {
        seen = await flakyFreshness();
        return seen.errors.join(" | ");
      },
      { timeout, intervals: [250] },
    )
    .toMatch(pattern);
  return seen as Freshness;
}

/**
 * Waits until flaky has no error and data younger than `maxAgeMs`. Every loop
 * must have succeeded once since the fault was lifted (the status loop with a
 * full sweep): seconds on a quiet machine, over 20 s on a loaded CI run, and
 * past a minute once (fresh clone, 3 December 16:17: the shared Dagster answered
 * the sweep in over 4 s, then the request timeout, until then). The wait only
 * catches a recovery that never comes.
 */
export async function waitForRecovery(maxAgeMs = 4_000, timeout = 150_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const f = await flakyFreshness();
        const age = Date.now() - (f.locationsAsOf ?? 0);
        return f.errors.length === 0 && age < maxAgeMs ? "recovered" : JSON.stringify(f);
      },
      { timeout, intervals: [250] },
    )
    .toBe("recovered");
}

// The faults config's request timeout. A hanging request fails after it; the
// error is reported at once (a timed-out request is not sent again), but a
// poll already in flight when the fault was set may have got through; the
// next ones may wait out a cool-down first. 20 s more for a loaded machine.
const TIMEOUT_MS =
  Number(
    /requestTimeoutSeconds: ([\d.]+)/.exec(
      readFileSync("e2e/healthboard.faults.yaml", "utf8"),
    )?.[1],
  ) * 1_000;
if (!Number.isFinite(TIMEOUT_MS))
  throw new Error("e2e/healthboard.faults.yaml: no requestTimeoutSeconds");

export const FAULTS: { name: string; fault: Fault; error: RegExp; within?: number }[] = [
  {
    name: "requests that time out",
    fault: { mode: "timeout" },
    error: new RegExp(`timed out after ${TIMEOUT_MS} ms`),
    within: 2 * TIMEOUT_MS + 20_000,
  },
  { name: "HTTP 500", fault: { mode: "status", status: 500 }, error: /HTTP 500/ },
  { name: "HTTP 502", fault: { mode: "status", status: 502 }, error: /HTTP 502/ },
  { name: "HTTP 503", fault: { mode: "status", status: 503 }, error: /HTTP 503/ },
  { name: "connection resets", fault: { mode: "reset" }, error: /request failed/ },
  { name: "truncated JSON", fault: { mode: "truncated" }, error: /JSON/ },
  { name: "a body cut off mid-transfer", fault: { mode: "cut-body" }, error: /request failed/ },
  { name: "malformed JSON", fault: { mode: "malformed" }, error: /not valid JSON/ },
  { name: "GraphQL errors", fault: { mode: "graphql-errors" }, error: /GraphQL error: injected/ },
  { name: "the deployment down", fault: { mode: "down" }, error: /ECONNREFUSED/ },
];
