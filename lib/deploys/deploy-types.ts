// Code location deploy history: Dagster open source keeps none, so Healthboard
// records each location's transitions itself.

export type DeployEventKind =
  /** First sight of a location: a baseline, not a deploy. */
  | "observed"
  /** The version key changed and the location loaded. */
  | "deploy"
  /** The version key changed and the location failed to load. */
  | "deploy_failed"
  /** A failed location loads again. */
  | "recovery";

export interface DeployEvent {
  deployment: string;
  location: string;
  kind: DeployEventKind;
  versionKey: string;
  /** The load error, for deploy_failed. */
  error: string | null;
  /** Epoch ms: Dagster's update time of the location where it has one. */
  at: number;
}

/** The last state recorded for a location, to compare the next one against. */
export interface KnownLocationState {
  versionKey: string;
  failed: boolean;
}

/**
 * Where deploy history lives. SQLite by default; the interface is small so a
 * shared database can back several replicas later.
 */
export interface DeployStore {
  append(events: readonly DeployEvent[]): void;
  lastKnown(deployment: string, location: string): KnownLocationState | null;
  list(query: {
    deployment?: string;
    location?: string;
    since?: number;
    until?: number;
  }): DeployEvent[];
  close(): void;
}
