import type { DeploymentConfig } from "@/lib/config/config-schema";

// Environments group deployments (docs/environments.md). Every page shows one
// environment at a time; the default is prod, so a config written before
// environments existed reads exactly as it did.

export const DEFAULT_ENVIRONMENT = "prod";

/** The well-known environments in promotion order; the user's own follow, by name. */
const KNOWN_ORDER = ["prod", "staging", "dev", "branch"];

const rank = (env: string) => {
  const i = KNOWN_ORDER.indexOf(env);
  return i === -1 ? KNOWN_ORDER.length : i;
};

/** The environments the config places deployments in: prod first, then staging, dev, branch, then the rest. */
export function environmentNames(deployments: readonly Pick<DeploymentConfig, "environment">[]) {
  const names = [...new Set(deployments.map((d) => d.environment))];
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The names of the deployments in one environment, in configured order. */
export function deploymentsIn(
  deployments: readonly Pick<DeploymentConfig, "name" | "environment">[],
  environment: string,
): string[] {
  return deployments.filter((d) => d.environment === environment).map((d) => d.name);
}

/**
 * The environment a request asks for: `requested` when the config knows it,
 * else the default (prod, or the first environment when there is no prod).
 * Null only for a requested name the config does not know.
 */
export function resolveEnvironment(
  deployments: readonly Pick<DeploymentConfig, "environment">[],
  requested: string | null | undefined,
): string | null {
  const names = environmentNames(deployments);
  if (requested) return names.includes(requested) ? requested : null;
  return names.includes(DEFAULT_ENVIRONMENT)
    ? DEFAULT_ENVIRONMENT
    : (names[0] ?? DEFAULT_ENVIRONMENT);
}

/** The deployments a page shows: those of `environment`, or of the default environment when unset. */
export function inEnvironment(
  deployments: readonly Pick<DeploymentConfig, "name" | "environment">[],
  environment: string | undefined,
): string[] {
  return deploymentsIn(deployments, environment ?? resolveEnvironment(deployments, null) ?? "");
}
