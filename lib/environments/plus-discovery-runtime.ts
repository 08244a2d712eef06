import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import type { DeploymentConfig, HealthboardConfig } from "@/lib/config/config-schema";
import { dagsterRequest } from "@/lib/dagster/transport";
import {
  type DiscoveredDeployment,
  discoveredDeployments,
  type PlusDeploymentsWire,
} from "./plus-discovery";

// Dagster+ discovery on a schedule: for each `kind: plus` deployment with
// `discoverDeployments: true`, the organization's deployments every few minutes.
// Written against Dagster+'s published schema only: never run live.

const REFRESH_MS = 5 * 60_000;
const BRANCH_LIMIT = 50;

let document: TypedDocumentNode<PlusDeploymentsWire, { branchLimit: number }> | null = null;

/** The .graphql file itself, so what runs is what scripts/check-plus-schema.mjs validated. */
function plusDeploymentsDocument() {
  document ??= parse(
    readFileSync(
      /*turbopackIgnore: true*/ path.join(
        process.cwd(),
        "lib/dagster/plus-queries/plus-deployments.graphql",
      ),
      "utf8",
    ),
  ) as TypedDocumentNode<PlusDeploymentsWire, { branchLimit: number }>;
  return document;
}

export interface Discovery {
  from: string;
  at: number | null;
  error: string | null;
  deployments: DiscoveredDeployment[];
}

const found = new Map<string, Discovery>();
let started = false;

async function refresh(d: DeploymentConfig, timeoutMs: number): Promise<void> {
  const target = {
    deployment: d.name,
    kind: d.kind,
    graphqlUrl: d.graphqlUrl,
    tokenEnv: d.tokenEnv,
    timeoutMs,
  };
  const last = found.get(d.name);
  try {
    const wire = await dagsterRequest(target, plusDeploymentsDocument(), {
      branchLimit: BRANCH_LIMIT,
    });
    found.set(d.name, {
      from: d.name,
      at: Date.now(),
      error: null,
      deployments: discoveredDeployments(d.graphqlUrl, wire),
    });
  } catch (err) {
    // Keep the last good list: a failed refresh does not make deployments vanish.
    const error = err instanceof Error ? err.message : String(err);
    found.set(d.name, {
      from: d.name,
      at: last?.at ?? null,
      error,
      deployments: last?.deployments ?? [],
    });
  }
}

/** Starts the schedule once per process; does nothing without a discovering Dagster+ deployment. */
export function startPlusDiscovery(config: HealthboardConfig): void {
  if (started) return;
  started = true;
  const sources = config.deployments.filter((d) => d.kind === "plus" && d.discoverDeployments);
  const timeoutMs = config.refresh.requestTimeoutSeconds * 1000;
  for (const d of sources) {
    void refresh(d, timeoutMs);
    setInterval(() => void refresh(d, timeoutMs), REFRESH_MS).unref();
  }
}

/** What discovery found so far, per discovering deployment. */
export function plusDiscoveries(): Discovery[] {
  return [...found.values()];
}
