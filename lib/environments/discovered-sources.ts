import type { DeploymentConfig } from "@/lib/config/config-schema";
import { type DiscoveredDeployment, environmentSlug } from "./plus-discovery";

// Discovered Dagster+ deployments collected, not only listed
// (docs/environments.md): each one found becomes a deployment Healthboard
// collects like a configured one (its environment: a full deployment's name,
// `branch` for a branch deployment), started when discovery first lists it and
// stopped when it is no longer listed (its pull request closed or merged, or
// the deployment is being deleted). A failed discovery changes nothing: a
// Dagster+ outage must not stop collection. Discovery and the collector
// factory are injected, so the lifecycle is tested without Dagster+.

/** What the lifecycle needs of a collected deployment (lib/runtime's DeploymentSource). */
export interface CollectedSource {
  readonly deployment: string;
  start(): Promise<void>;
  stop(): void;
}

export interface Collected<S extends CollectedSource> {
  config: DeploymentConfig;
  found: DiscoveredDeployment;
  source: S;
  since: number;
}

/**
 * A discovered deployment as a deployment config: Dagster+, the discovering
 * deployment's token (an organization token reads every deployment), named by
 * its Dagster+ name unless a configured deployment has that name already.
 */
export function discoveredConfig(
  from: DeploymentConfig,
  found: DiscoveredDeployment,
  taken: ReadonlySet<string>,
): DeploymentConfig {
  const own = environmentSlug(found.name); // config names are slugs; a Dagster+ name may not be one
  const name = taken.has(own) ? `${from.name}-${own}` : own;
  const ui = found.graphqlUrl.replace(/\/graphql$/, "");
  return {
    name,
    kind: "plus",
    graphqlUrl: found.graphqlUrl,
    tokenEnv: from.tokenEnv,
    uiUrl: ui,
    environment: found.environment,
    discoverDeployments: false,
  };
}

export interface DiscoveredSourcesOptions<S extends CollectedSource> {
  /** The deployment whose organization is searched (`discoverDeployments: true`). */
  from: DeploymentConfig;
  /** The configured deployments: one already collected is not collected twice, and its name stays its own. */
  configured: readonly DeploymentConfig[];
  /** Lists the organization's deployments now (throws when Dagster+ does not answer). */
  discover: () => Promise<DiscoveredDeployment[]>;
  /** A source collecting one deployment (lib/runtime). */
  makeSource: (config: DeploymentConfig) => S;
  /** Told after every change, with what is collected now. */
  onChange?: (collected: readonly Collected<S>[]) => void;
  now?: () => number;
}

/** The deployments one discovering deployment found, each collected while it is listed. */
export class DiscoveredSources<S extends CollectedSource> {
  private readonly running = new Map<string, Collected<S>>();
  private lastError: string | null = null;
  private lastAt: number | null = null;
  private lastFound: DiscoveredDeployment[] = [];
  private stopped = false;

  constructor(private readonly options: DiscoveredSourcesOptions<S>) {}

  /** Discovers once, then starts what is new and stops what is gone. */
  async refresh(): Promise<void> {
    let found: DiscoveredDeployment[];
    try {
      found = await this.options.discover();
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      return;
    }
    if (this.stopped) return;
    this.lastError = null;
    this.lastAt = this.now();
    this.lastFound = found;
    this.reconcile(found);
  }

  private reconcile(found: readonly DiscoveredDeployment[]): void {
    const { configured, from, makeSource } = this.options;
    // Already collected through the config (the discovering deployment itself, usually).
    const configuredUrls = new Set(configured.map((d) => d.graphqlUrl));
    const wanted = found.filter((f) => !configuredUrls.has(f.graphqlUrl));
    const wantedUrls = new Set(wanted.map((f) => f.graphqlUrl));
    let changed = false;
    for (const [url, c] of this.running) {
      if (wantedUrls.has(url)) continue;
      c.source.stop();
      this.running.delete(url);
      changed = true;
    }
    const taken = new Set([
      ...configured.map((d) => d.name),
      ...[...this.running.values()].map((c) => c.config.name),
    ]);
    for (const f of wanted) {
      const running = this.running.get(f.graphqlUrl);
      if (running) {
        // Same deployment, newer facts (commit, pull request status): keep collecting.
        running.found = f;
        continue;
      }
      const config = discoveredConfig(from, f, taken);
      taken.add(config.name);
      const source = makeSource(config);
      this.running.set(f.graphqlUrl, { config, found: f, source, since: this.now() });
      void source.start().catch(() => undefined); // errors live in the source's state
      changed = true;
    }
    if (changed) this.options.onChange?.(this.collected());
  }

  /** What is collected now, in the order it was first found. */
  collected(): Collected<S>[] {
    return [...this.running.values()];
  }

  /** The last discovery's answer, when it was received, and the last error (null after a success). */
  status(): { at: number | null; error: string | null; found: DiscoveredDeployment[] } {
    return { at: this.lastAt, error: this.lastError, found: this.lastFound };
  }

  /** Stops every collected deployment (shutdown). */
  stop(): void {
    this.stopped = true;
    for (const c of this.running.values()) c.source.stop();
    this.running.clear();
    this.options.onChange?.([]);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
