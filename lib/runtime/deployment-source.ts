import type { DeploymentCollector, DeploymentState } from "@/lib/collector/deployment-collector";

/** Where a replica reads one deployment's state: its own collector, or the one another replica runs. */
export interface DeploymentSource {
  readonly deployment: string;
  /** Starts; resolves once a first state is known (collected here or published elsewhere). */
  start(): Promise<void>;
  state(): DeploymentState;
  /** Whether this replica polls Dagster for the deployment now. */
  collecting(): boolean;
  /** Whether any state is known yet. */
  ready(): boolean;
  /** Something was published for the deployment (a NOTIFY). */
  notified(): void;
  stop(): void;
}

/** A single instance: its own collector, always. */
export class LocalDeployment implements DeploymentSource {
  readonly deployment: string;
  private started = false;

  constructor(private readonly collector: DeploymentCollector) {
    this.deployment = collector.deployment;
  }

  async start(): Promise<void> {
    await this.collector.start();
    this.started = true;
  }

  state(): DeploymentState {
    return this.collector.state();
  }

  collecting(): boolean {
    return true;
  }

  ready(): boolean {
    return this.started;
  }

  notified(): void {}

  stop(): void {
    this.collector.stop();
  }
}

/** What a deployment looks like before anything is known about it. */
export function unknownState(deployment: string): DeploymentState {
  return {
    deployment,
    generation: 0,
    locations: { deployment, asOf: null, locations: [], error: null },
    statuses: new Map(),
    statusesAsOf: null,
    statusesError: null,
    runs: [],
    runsAsOf: null,
    runsError: null,
    materializations: new Map(),
  };
}
