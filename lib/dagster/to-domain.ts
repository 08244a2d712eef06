import type {
  AssetDefinition,
  AssetOwner,
  CodeLocationSnapshot,
  FreshnessPolicy,
  LocationStatus,
} from "@/lib/domain/types";
import { assetId } from "@/lib/domain/types";
import type { AssetDefinitionFragment, LocationAssetsQuery } from "./generated/graphql";

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
        .map((node) => toAssetDefinition(deployment, entry.name, node)),
    );
  }
  return {
    deployment,
    name: entry.name,
    status,
    error,
    versionKey: entry.versionKey,
    updatedAt: secondsToMs(entry.updatedTimestamp),
    repositories,
    assets,
  };
}
