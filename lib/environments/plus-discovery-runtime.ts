import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import type { DeploymentConfig } from "@/lib/config/config-schema";
import { dagsterRequest } from "@/lib/dagster/transport";
import type { DeploymentSource } from "@/lib/runtime/deployment-source";
import type { Runtime } from "@/lib/runtime/runtime";
import { type Collected, DiscoveredSources } from "./discovered-sources";
import { setDiscoveredDeployments } from "./known-deployments";
import {
  type DiscoveredDeployment,
  discoveredDeployments,
  type PlusDeploymentsWire,
} from "./plus-discovery";

// Dagster+ discovery on a schedule: for each `kind: plus` deployment with
// `discoverDeployments: true`, the organization's deployments every few
// minutes, each one collected while it is listed (discovered-sources.ts) as a
// runtime source beside the configured ones. Written against Dagster+'s
// published schema only: never run live.

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
  /** Deployment name each collected deployment has in Healthboard, by its GraphQL URL. */
  collectedAs: Record<string, string>;
}

const collections = new Map<string, DiscoveredSources<DeploymentSource>>();
let started = false;

function discover(d: DeploymentConfig, timeoutMs: number) {
  const target = {
    deployment: d.name,
    kind: d.kind,
    graphqlUrl: d.graphqlUrl,
    tokenEnv: d.tokenEnv,
    timeoutMs,
  };
  return async () =>
    discoveredDeployments(
      d.graphqlUrl,
      await dagsterRequest(target, plusDeploymentsDocument(), { branchLimit: BRANCH_LIMIT }),
    );
}

/** Keeps the runtime's sources and the known deployments in step with what is collected. */
function publish(rt: Runtime): void {
  const collected: Collected<DeploymentSource>[] = [...collections.values()].flatMap((c) =>
    c.collected(),
  );
  const live = new Set(collected.map((c) => c.source));
  const configured = new Set(rt.config.deployments.map((d) => d.name));
  // Drop the sources of discovered deployments that were stopped, in place: others hold the array.
  for (let i = rt.sources.length - 1; i >= 0; i--) {
    const s = rt.sources[i] as DeploymentSource;
    if (!configured.has(s.deployment) && !live.has(s)) rt.sources.splice(i, 1);
  }
  for (const c of collected) if (!rt.sources.includes(c.source)) rt.sources.push(c.source);
  setDiscoveredDeployments(collected.map((c) => c.config));
}

/** Starts the schedule once per process; does nothing without a discovering Dagster+ deployment. */
export function startPlusDiscovery(rt: Runtime): void {
  if (started) return;
  started = true;
  const { config } = rt;
  const timeoutMs = config.refresh.requestTimeoutSeconds * 1000;
  for (const d of config.deployments.filter((x) => x.kind === "plus" && x.discoverDeployments)) {
    const sources = new DiscoveredSources<DeploymentSource>({
      from: d,
      configured: config.deployments,
      discover: discover(d, timeoutMs),
      makeSource: rt.sourceFor,
      onChange: () => publish(rt),
    });
    collections.set(d.name, sources);
    void sources.refresh();
    setInterval(() => void sources.refresh(), REFRESH_MS).unref();
  }
}

/** What discovery found so far, per discovering deployment, and what of it is collected. */
export function plusDiscoveries(): Discovery[] {
  return [...collections].map(([from, sources]) => {
    const { at, error, found } = sources.status();
    const collectedAs = Object.fromEntries(
      sources.collected().map((c) => [c.found.graphqlUrl, c.config.name]),
    );
    return { from, at, error, deployments: found, collectedAs };
  });
}
