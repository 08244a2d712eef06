import type { AssetDefinition } from "@/lib/domain/types";

// Code location deploy history: Dagster open source keeps none, so Healthboard
// records each location's transitions itself. The rules are in track-deploys.ts.

export type DeployEventKind =
  /** A baseline: the first sight of a location (loaded or failing), never a deploy. */
  | "observed"
  /** The location loaded with a different fingerprint (definitions, image or commit). */
  | "deploy"
  /** A reload failed (see track-deploys.ts for when a failure counts). */
  | "deploy_failed"
  /** A failed location loads again. */
  | "recovery";

export interface DeployEvent {
  deployment: string;
  location: string;
  kind: DeployEventKind;
  /** Dagster's reload marker at the time: changes on restarts too, kept for tracing. */
  versionKey: string;
  /** The location's fingerprint (lib/deploys/fingerprint.ts); null when it failed to load or predates fingerprints. */
  fingerprint: string | null;
  /** The version people recognise (commit, image tag, else a short fingerprint); null if unknown. */
  version: string | null;
  /** Whether the location was failing to load after this event. */
  failed: boolean;
  /** The load error, for a failing location. */
  error: string | null;
  /** Epoch ms: Dagster's update time of the location where it has one. */
  at: number;
}

/** The last state recorded for a location, to compare the next one against. */
export interface KnownLocationState {
  versionKey: string;
  failed: boolean;
  /** The fingerprint of the last good load; null when none was recorded. */
  fingerprint: string | null;
  /** The version of the last event (for a failing location: its commit or image, if shown). */
  version: string | null;
}

/** A value now (the embedded SQLite store) or later (PostgreSQL): callers await either. */
export type Awaitable<T> = T | Promise<T>;

/**
 * What CI says about a deploy (`POST /api/v1/deploys`), as Grafana annotations
 * do: Dagster open source knows nothing of commits or authors. Joined to the
 * version it describes by lib/deploys/version-history.ts.
 */
export interface DeployAnnotation {
  location: string;
  /** A deployment name or an environment name (prod, staging, …) as CI knows it. */
  environment: string;
  commit: string;
  author: string | null;
  prUrl: string | null;
  message: string | null;
  /** Epoch ms when Healthboard received it. */
  at: number;
}

export interface AnnotationQuery {
  environment?: string;
  location?: string;
  since?: number;
  until?: number;
}

/**
 * One asset as a version defined it: the fields a consumer can notice
 * changing (lib/environments/asset-diff.ts compares them).
 */
export type VersionAsset = Pick<
  AssetDefinition,
  "id" | "key" | "upstream" | "isPartitioned" | "freshnessPolicy" | "codeVersion" | "partitions"
>;

/** A version's asset definitions, kept once per fingerprint for the rollback plan's diff. */
export interface VersionDefinitions {
  deployment: string;
  location: string;
  fingerprint: string;
  assets: VersionAsset[];
}

/**
 * Where deploy history lives: SQLite by default, PostgreSQL when replicas
 * share it (lib/store/postgres/). Callers always await the results.
 */
export interface DeployStore {
  append(events: readonly DeployEvent[]): Awaitable<void>;
  /** Records one CI annotation. */
  annotate(annotation: DeployAnnotation): Promise<void>;
  /** Annotations matching the query, oldest first. */
  annotations(query: AnnotationQuery): Promise<DeployAnnotation[]>;
  lastKnown(deployment: string, location: string): Awaitable<KnownLocationState | null>;
  list(query: {
    deployment?: string;
    location?: string;
    since?: number;
    until?: number;
  }): Awaitable<DeployEvent[]>;
  /** Keeps a version's definitions; a fingerprint already kept is left as it is. */
  saveDefinitions(definitions: VersionDefinitions): Awaitable<void>;
  /** The kept definitions of one version; null when none were kept (older history). */
  definitions(
    deployment: string,
    location: string,
    fingerprint: string,
  ): Awaitable<VersionAsset[] | null>;
  /**
   * Changes whenever an event or annotation is recorded (by any replica): what
   * cached reads of the history are keyed by (team-page-reads.ts).
   */
  changeMark(): Awaitable<string>;
  close(): Awaitable<void>;
}
