import { dagsterQueryAt } from "./dagster";
import {
  type CheckExecution,
  checksHealth,
  type Health,
  materializationHealth,
  type Overall,
  overallHealth,
} from "./dagster-health-rules";

// Ground truth for e2e/healthboard.second.yaml (two deployments, five teams),
// computed from each Dagster's GraphQL API by the definitions of issue 11:
// an asset is a (deployment, key) pair; its owner is decided by its own
// definition; stubs and external specs (neither materializable nor observable)
// never own; degraded = Dagster's overall health DEGRADED (freshness included);
// a failed run has status FAILURE; a team's runs planned or failed one of its
// assets; windows are exactly [now − span, now). Nothing imports Healthboard.

export const DEPLOYMENTS = [
  { name: "local", url: process.env.E2E_DAGSTER_URL ?? "http://127.0.0.1:3071" },
  { name: "second", url: process.env.E2E_SECOND_DAGSTER_URL ?? "http://127.0.0.1:3072" },
] as const;

/** The teams of e2e/healthboard.second.yaml: owners first, then locations. */
export const SECOND_TEAMS = [
  { slug: "analytics", owner: "team:analytics", locations: ["local/analytics-team"] },
  { slug: "ml", owner: "team:ml", locations: ["local/ml-platform"] },
  { slug: "finance", owner: "team:finance", locations: ["local/finance-reporting"] },
  { slug: "search", owner: "team:search", locations: ["second/shared-platform"] },
  { slug: "growth", owner: "team:growth", locations: ["second/shared-platform"] },
] as const;

export interface SecondAsset {
  deployment: string;
  location: string;
  path: string[];
  team: string | null;
  owners: string[];
  jobNames: string[];
  opNames: string[];
  materialization: Health;
  checks: Health;
  freshness: Health;
  overall: Overall;
}

interface WorkspaceNode {
  assetKey: { path: string[] };
  isAutoCreatedStub: boolean;
  isMaterializable: boolean;
  isObservable: boolean;
  isPartitioned: boolean;
  jobNames: string[];
  opNames: string[];
  owners: ({ team: string } | { email: string })[];
  internalFreshnessPolicy: { __typename: string } | null;
  freshnessStatusInfo: { freshnessStatus: Health } | null;
  partitionStats: { numMaterialized: number; numFailed: number } | null;
  assetChecksOrError: { checks?: { name: string }[] };
}

const WORKSPACE = `{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError {
  ... on RepositoryLocation { repositories { assetNodes {
    assetKey { path } isAutoCreatedStub isMaterializable isObservable isPartitioned jobNames opNames
    owners { ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
    internalFreshnessPolicy { __typename }
    freshnessStatusInfo { freshnessStatus }
    partitionStats { numMaterialized numFailed }
    assetChecksOrError { ... on AssetChecks { checks { name } } }
  } } }
} } } } }`;

const ASSET_FACTS = `query F($key: AssetKeyInput!) {
  assetsLatestInfo(assetKeys: [$key]) {
    latestMaterialization { runId timestamp } latestRun { runId status endTime }
  }
  assetOrError(assetKey: $key) { ... on Asset { assetObservations(limit: 1) { timestamp } } }
}`;

const CHECK_EXECUTIONS = `query C($key: AssetKeyInput!, $name: String!) {
  assetCheckExecutions(assetKey: $key, checkName: $name, limit: 50) { status evaluation { severity } }
}`;

export function teamOf(owners: readonly string[], deployment: string, location: string) {
  return (
    SECOND_TEAMS.find((t) => owners.includes(t.owner))?.slug ??
    SECOND_TEAMS.find((t) =>
      (t.locations as readonly string[]).includes(`${deployment}/${location}`),
    )?.slug ??
    null
  );
}

async function assetOf(
  deployment: { name: string; url: string },
  location: string,
  node: WorkspaceNode,
): Promise<SecondAsset> {
  const key = { path: node.assetKey.path };
  const facts = await dagsterQueryAt<{
    assetsLatestInfo: {
      latestMaterialization: { runId: string; timestamp: string } | null;
      latestRun: { runId: string; status: string; endTime: number | null } | null;
    }[];
    assetOrError: { assetObservations?: unknown[] };
  }>(deployment.url, ASSET_FACTS, { key });
  const latest = facts.assetsLatestInfo[0];
  const executions: CheckExecution[][] = [];
  for (const check of node.assetChecksOrError.checks ?? []) {
    const c = await dagsterQueryAt<{ assetCheckExecutions: CheckExecution[] }>(
      deployment.url,
      CHECK_EXECUTIONS,
      { key, name: check.name },
    );
    executions.push(c.assetCheckExecutions);
  }
  const materialization = materializationHealth({
    ...node,
    latestMaterialization: latest?.latestMaterialization ?? null,
    latestRun: latest?.latestRun ?? null,
    observed: (facts.assetOrError.assetObservations ?? []).length > 0,
  });
  const checks = checksHealth(executions);
  // A policy Dagster has not evaluated yet is UNKNOWN; no policy is NOT_APPLICABLE.
  const freshness: Health = node.internalFreshnessPolicy
    ? (node.freshnessStatusInfo?.freshnessStatus ?? "UNKNOWN")
    : "NOT_APPLICABLE";
  const owners = node.owners.map((o) => ("team" in o ? `team:${o.team}` : o.email));
  return {
    deployment: deployment.name,
    location,
    path: node.assetKey.path,
    owners,
    team: teamOf(owners, deployment.name, location),
    jobNames: node.jobNames,
    opNames: node.opNames,
    materialization,
    checks,
    freshness,
    overall: overallHealth(materialization, checks, freshness),
  };
}

/** Every asset (deployment, key) of both deployments, with its team and Dagster's health. */
export async function secondAssetsTruth(): Promise<SecondAsset[]> {
  const out: SecondAsset[] = [];
  for (const deployment of DEPLOYMENTS) {
    const ws = await dagsterQueryAt<{
      workspaceOrError: {
        locationEntries: {
          name: string;
          locationOrLoadError: { repositories?: { assetNodes: WorkspaceNode[] }[] } | null;
        }[];
      };
    }>(deployment.url, WORKSPACE);
    for (const entry of ws.workspaceOrError.locationEntries) {
      const nodes = (entry.locationOrLoadError?.repositories ?? []).flatMap((r) => r.assetNodes);
      // Stubs and external specs are references to assets defined elsewhere, not assets.
      const defined = nodes.filter(
        (n) => !n.isAutoCreatedStub && (n.isMaterializable || n.isObservable),
      );
      out.push(...(await Promise.all(defined.map((n) => assetOf(deployment, entry.name, n)))));
    }
  }
  return out;
}
