// Healthboard's domain types: what the rest of the app sees, never Dagster's
// wire shapes. Times are epoch milliseconds throughout.

/** An asset key as its path components; components may contain "/". */
export type AssetKeyPath = string[];

/** Node identity, as in the Dagster UI: JSON of the key path. */
export function assetId(path: AssetKeyPath): string {
  return JSON.stringify(path);
}

export type AssetOwner = { kind: "team"; team: string } | { kind: "user"; email: string };

export type FreshnessPolicy =
  | { kind: "time-window"; failWindowSeconds: number; warnWindowSeconds: number | null }
  | { kind: "cron"; deadlineCron: string; lowerBoundDeltaSeconds: number; timezone: string };

export interface AssetDefinition {
  id: string;
  key: AssetKeyPath;
  deployment: string;
  location: string;
  group: string | null;
  description: string | null;
  kinds: string[];
  owners: AssetOwner[];
  upstream: AssetKeyPath[];
  downstream: AssetKeyPath[];
  jobNames: string[];
  /** The ops (node handles, e.g. `graph.op`) that compute it: a run's step keys name them. */
  opNames: string[];
  isPartitioned: boolean;
  hasChecks: boolean;
  freshnessPolicy: FreshnessPolicy | null;
  /** Dagster can materialize it here. */
  isMaterializable: boolean;
  /** Dagster can observe it here (an observable source asset). */
  isObservable: boolean;
  /** Dagster can run something for it here; false for an external AssetSpec. */
  isExecutable: boolean;
  /** The asset's code_version (Dagster's opVersion); absent in hand-built fixtures. */
  codeVersion?: string | null;
  /** The partitions definition as one line (type: description); null when unpartitioned, absent in fixtures. */
  partitions?: string | null;
}

export type LocationStatus = "loaded" | "loading" | "failed";

export interface CodeLocationSnapshot {
  deployment: string;
  name: string;
  status: LocationStatus;
  error: { message: string; className: string | null } | null;
  /** Dagster's reload marker (code server id or load time): changes on a restart, not a code version. */
  versionKey: string;
  /**
   * Hash of the location's asset definitions and displayMetadata
   * (lib/deploys/fingerprint.ts); what a deploy is judged by. Null when there are
   * no definitions to hash (failed to load); absent in hand-built fixtures.
   */
  fingerprint?: string | null;
  /** The version people recognise: commit or image tag from displayMetadata, else a short fingerprint. */
  version?: string | null;
  updatedAt: number;
  /** Repository names inside the location (`__repository__` for Definitions). */
  repositories: string[];
  /**
   * Definitions owned by this location; Dagster's auto-created stubs are left out.
   * While the location fails to load (`down` set), the last good load's definitions.
   */
  assets: AssetDefinition[];
  /** Set while the location fails to load: its assets are the last known ones. */
  down?: LocationDown | null;
}

/** A location that fails to load, as Healthboard saw it. */
export interface LocationDown {
  /** The first failed observation of this outage (epoch ms). */
  since: number;
  /** When the definitions kept were loaded; null when it never loaded since Healthboard started. */
  assetsAsOf: number | null;
}

export interface DeploymentSnapshot {
  deployment: string;
  /** When the data was last fetched successfully. */
  asOf: number | null;
  locations: CodeLocationSnapshot[];
  /** The last refresh failed: the data above is the last good data. */
  error: string | null;
  /** The first failed refresh since the last good one, while `error` is set. */
  errorSince?: number | null;
}

export function ownerLabel(owner: AssetOwner): string {
  return owner.kind === "team" ? `team:${owner.team}` : owner.email;
}
