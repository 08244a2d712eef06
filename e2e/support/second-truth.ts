import { dagsterQueryAt } from "./dagster";
import { type Health, type HealthTruth, healthTruth } from "./health-truth";

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
  overall: HealthTruth["overall"];
}

interface WorkspaceNode {
  assetKey: { path: string[] };
  isAutoCreatedStub: boolean;
  isMaterializable: boolean;
  isObservable: boolean;
  jobNames: string[];
  opNames: string[];
  owners: ({ team: string } | { email: string })[];
}

const WORKSPACE = `{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError {
  ... on RepositoryLocation { repositories { assetNodes {
    assetKey { path } isAutoCreatedStub isMaterializable isObservable jobNames opNames
    owners { ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
  } } }
} } } } }`;

export function teamOf(owners: readonly string[], deployment: string, location: string) {
  return (
    SECOND_TEAMS.find((t) => owners.includes(t.owner))?.slug ??
    SECOND_TEAMS.find((t) =>
      (t.locations as readonly string[]).includes(`${deployment}/${location}`),
    )?.slug ??
    null
  );
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
    const defined = ws.workspaceOrError.locationEntries.flatMap((entry) =>
      (entry.locationOrLoadError?.repositories ?? [])
        .flatMap((r) => r.assetNodes)
        // Stubs and external specs are references to assets defined elsewhere, not assets.
        .filter((n) => !n.isAutoCreatedStub && (n.isMaterializable || n.isObservable))
        .map((n) => ({ ...n, location: entry.name })),
    );
    const health = await healthTruth(
      defined.map((n) => n.assetKey.path),
      deployment.url,
    );
    for (const n of defined) {
      const h = health.get(JSON.stringify(n.assetKey.path));
      if (!h) throw new Error(`no health for ${n.assetKey.path.join("/")} in ${deployment.name}`);
      const owners = n.owners.map((o) => ("team" in o ? `team:${o.team}` : o.email));
      out.push({
        deployment: deployment.name,
        location: n.location,
        path: n.assetKey.path,
        owners,
        team: teamOf(owners, deployment.name, n.location),
        jobNames: n.jobNames,
        opNames: n.opNames,
        materialization: h.materialization,
        checks: h.checks,
        freshness: h.freshness,
        overall: h.overall,
      });
    }
  }
  return out;
}
