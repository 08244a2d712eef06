import {
  type FingerprintAsset,
  humanVersion,
  type KeyValue,
  locationFingerprint,
} from "@/lib/deploys/fingerprint";
import type {
  AssetDefinition,
  AssetOwner,
  CodeLocationSnapshot,
  FreshnessPolicy,
  LocationStatus,
} from "@/lib/domain/types";
import { assetId } from "@/lib/domain/types";
import type {
  AssetDefinitionFragment,
  AssetFingerprintFragment,
  LocationAssetsQuery,
} from "./generated/graphql";

// Reshaping at the boundary: generated wire types in, domain types out.

/** Dagster reports location update times as float epoch seconds. */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

function toOwner(owner: AssetDefinitionFragment["owners"][number]): AssetOwner {
  return owner.__typename === "TeamAssetOwner"
    ? { kind: "team", team: owner.team }
    : { kind: "user", email: owner.email };
}

function toFreshnessPolicy(
  policy: AssetDefinitionFragment["internalFreshnessPolicy"],
): FreshnessPolicy | null {
  if (!policy) return null;
  if (policy.__typename === "TimeWindowFreshnessPolicy") {
    return {
      kind: "time-window",
      failWindowSeconds: policy.failWindowSeconds,
      warnWindowSeconds: policy.warnWindowSeconds ?? null,
    };
  }
  return {
    kind: "cron",
    deadlineCron: policy.deadlineCron,
    lowerBoundDeltaSeconds: policy.lowerBoundDeltaSeconds,
    timezone: policy.timezone,
  };
}

export function toAssetDefinition(
  deployment: string,
  location: string,
  node: AssetDefinitionFragment,
): AssetDefinition {
  return {
    id: assetId(node.assetKey.path),
    key: node.assetKey.path,
    deployment,
    location,
    group: node.groupName ?? null,
    description: node.description ?? null,
    kinds: node.kinds,
    owners: node.owners.map(toOwner),
    upstream: node.dependencyKeys.map((k) => k.path),
    downstream: node.dependedByKeys.map((k) => k.path),
    jobNames: node.jobNames,
    opNames: node.opNames,
    isPartitioned: node.isPartitioned,
    hasChecks: node.hasAssetChecks,
    freshnessPolicy: toFreshnessPolicy(node.internalFreshnessPolicy),
    isMaterializable: node.isMaterializable,
    isObservable: node.isObservable,
    isExecutable: node.isExecutable,
  };
}

/** A partitions definition as one comparable line ("TIME_WINDOW: Daily, starting …"), null when unpartitioned. */
function partitionsText(def: AssetFingerprintFragment["partitionDefinition"]): string | null {
  return def ? `${def.type}: ${def.description}` : null;
}

/** The parts of an asset node a deploy can change, for the location's fingerprint. */
export function toFingerprintAsset(
  node: AssetDefinitionFragment & AssetFingerprintFragment,
): FingerprintAsset {
  const checks = node.assetChecksOrError;
  return {
    key: node.assetKey.path,
    dependencies: node.dependencyKeys.map((k) => k.path),
    group: node.groupName ?? null,
    description: node.description ?? null,
    kinds: node.kinds,
    owners: node.owners.map((o) =>
      o.__typename === "TeamAssetOwner" ? `team:${o.team}` : o.email,
    ),
    tags: node.tags.map(({ key, value }) => ({ key, value })),
    jobNames: node.jobNames,
    codeVersion: node.opVersion ?? null,
    partitions: partitionsText(node.partitionDefinition),
    freshnessPolicy: toFreshnessPolicy(node.internalFreshnessPolicy),
    // A checks error (e.g. needs migration) says nothing about the code: hash it as "unknown".
    checks: checks.__typename === "AssetChecks" ? checks.checks.map((c) => c.name) : ["?"],
    isMaterializable: node.isMaterializable,
    isObservable: node.isObservable,
  };
}

type LocationEntry = Extract<
  LocationAssetsQuery["workspaceLocationEntryOrError"],
  { __typename: "WorkspaceLocationEntry" }
>;

export function toLocationSnapshot(deployment: string, entry: LocationEntry): CodeLocationSnapshot {
  const loadOrError = entry.locationOrLoadError;
  let status: LocationStatus = entry.loadStatus === "LOADING" ? "loading" : "loaded";
  let error: CodeLocationSnapshot["error"] = null;
  let assets: AssetDefinition[] = [];
  let repositories: string[] = [];
  let fingerprint: string | null = null;
  const displayMetadata: KeyValue[] = (entry.displayMetadata ?? []).map(({ key, value }) => ({
    key,
    value,
  }));
  if (loadOrError?.__typename === "PythonError") {
    status = "failed";
    // Dagster wraps import errors in DagsterUserCodeLoadError; the user's own
    // exception is the last link of the chain, and it is what people need to see.
    const root = loadOrError.errorChain.at(-1)?.error;
    error = {
      message: root
        ? `${root.message.trim()}\n\n${loadOrError.message.trim()}`
        : loadOrError.message.trim(),
      className: root?.className ?? loadOrError.className ?? null,
    };
  } else if (loadOrError?.__typename === "RepositoryLocation") {
    repositories = loadOrError.repositories.map((repo) => repo.name);
    assets = loadOrError.repositories.flatMap((repo) =>
      repo.assetNodes
        .filter((node) => !node.isAutoCreatedStub)
        .map((node) => ({
          ...toAssetDefinition(deployment, entry.name, node),
          // What the environment comparison and the promotion check diff (lib/environments).
          codeVersion: node.opVersion ?? null,
          partitions: partitionsText(node.partitionDefinition),
        })),
    );
    fingerprint = locationFingerprint({
      displayMetadata,
      assets: loadOrError.repositories.flatMap((repo) =>
        repo.assetNodes.filter((node) => !node.isAutoCreatedStub).map(toFingerprintAsset),
      ),
    });
  }
  return {
    deployment,
    name: entry.name,
    status,
    error,
    versionKey: entry.versionKey,
    fingerprint,
    version: humanVersion(displayMetadata, fingerprint),
    updatedAt: secondsToMs(entry.updatedTimestamp),
    repositories,
    assets,
  };
}
