import "server-only";
import type { DeploymentConfig } from "@/lib/config/config-schema";
import { loadConfig } from "@/lib/config/load-config";
import { resolveEnvironment } from "./environments";

// The deployments Healthboard collects: the configured ones, then those found
// in Dagster+ and being collected now (lib/environments/discovered-sources.ts).
// Environments, `?env=` and the comparison read this list, so a branch
// deployment appears (as `branch`) while it is open and goes when it closes.
// On globalThis: the proxy, route handlers and the runtime are separate module
// graphs in one process.

const holder = globalThis as typeof globalThis & {
  __healthboardDiscovered?: readonly DeploymentConfig[];
};

/** Replaces the list of discovered deployments being collected (called by their lifecycle). */
export function setDiscoveredDeployments(deployments: readonly DeploymentConfig[]): void {
  holder.__healthboardDiscovered = deployments;
}

/** The discovered deployments being collected now. */
export function discoveredDeploymentConfigs(): readonly DeploymentConfig[] {
  return holder.__healthboardDiscovered ?? [];
}

/** Configured deployments, then discovered ones. */
export function knownDeployments(): DeploymentConfig[] {
  return [...loadConfig().deployments, ...discoveredDeploymentConfigs()];
}

/**
 * For the proxy: whether a page request names an environment nobody has. The
 * page itself would 404 too, but a page with a loading skeleton (the team
 * page) has sent its status by then; the proxy answers before anything streams.
 */
export function namesUnknownEnvironment(url: URL): boolean {
  const raw = url.searchParams.get("env");
  return raw !== null && resolveEnvironment(knownDeployments(), raw) === null;
}

/** The environment a deployment serves (undefined for a name nobody has: the default applies). */
export function environmentOf(deployment: string): string | undefined {
  return knownDeployments().find((d) => d.name === deployment)?.environment;
}
