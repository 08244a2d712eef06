import type { DeploymentState } from "@/lib/collector/deployment-collector";
import type { StateFreshness } from "./state-codec";

// How the replica that collects a deployment hands its state to the others.

export interface PublishedState {
  /** Increases with every published content change; replicas use it as the generation. */
  seq: number;
  freshness: StateFreshness;
  /** Present only when seq is newer than the one the reader already had. */
  state?: DeploymentState;
}

export interface StateChannel {
  /**
   * Publishes a new content generation, only while `holder` holds `lease`
   * (a fenced write: a collector that lost its lease cannot overwrite its
   * successor). Resolves with the new seq, or null when fenced.
   */
  publish(
    deployment: string,
    state: DeploymentState,
    lease: string,
    holder: string,
  ): Promise<number | null>;
  /** Publishes new as-of times and errors for the current generation. */
  publishFreshness(deployment: string, freshness: StateFreshness): Promise<void>;
  /** The latest publication; the state itself only if newer than `knownSeq`. */
  read(deployment: string, knownSeq: number): Promise<PublishedState | null>;
  /** Calls `listener(deployment)` when something was published (LISTEN/NOTIFY). */
  subscribe(listener: (deployment: string) => void): void;
  close(): Promise<void>;
}
