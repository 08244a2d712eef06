// Dagster+ deployments found, not typed (docs/environments.md): the answer of
// lib/dagster/plus-queries/plus-deployments.graphql read as environments. Full
// deployments keep their name as environment ("prod" stays prod); open branch
// deployments are the "branch" environment, one deployment per pull request.
// Pure; written against Dagster+'s published schema, never a live answer.

export interface PlusDeploymentWire {
  deploymentId: number;
  deploymentName: string;
  deploymentStatus: "ACTIVE" | "PENDING_DELETION";
  deploymentType: "PRODUCTION" | "BRANCH";
  isBranchDeployment: boolean;
  parentDeployment: { deploymentName: string } | null;
  branchDeploymentGitMetadata: {
    branchName: string;
    repoName: string;
    branchUrl: string | null;
    pullRequestUrl: string | null;
    pullRequestStatus: "OPEN" | "CLOSED" | "MERGED" | null;
    pullRequestNumber: string | null;
  } | null;
  latestCommit: {
    commitHash: string;
    commitMessage: string | null;
    commitUrl: string | null;
    authorName: string | null;
    authorEmail: string | null;
    /** Epoch seconds. */
    timestamp: number;
  } | null;
}

export interface PlusDeploymentsWire {
  fullDeployments: PlusDeploymentWire[];
  branchDeployments: { nodes: PlusDeploymentWire[] };
}

export interface DiscoveredDeployment {
  /** Dagster+'s deployment name: also the path segment of its GraphQL URL. */
  name: string;
  environment: string;
  graphqlUrl: string;
  /** The full deployment a branch deployment compares with (its parent); null for a full one. */
  parent: string | null;
  branch: {
    name: string;
    repo: string;
    pullRequestUrl: string | null;
    pullRequestStatus: string | null;
    pullRequestNumber: string | null;
  } | null;
  commit: {
    hash: string;
    message: string | null;
    url: string | null;
    author: string | null;
    at: number;
  } | null;
}

/** https://acme.dagster.cloud/prod/graphql -> https://acme.dagster.cloud: where every deployment of the organization lives. */
export function organizationUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  return url.origin;
}

/** A deployment name as a config slug (lowercase letters, digits, dashes). */
export function environmentSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "unnamed"
  );
}

function toDiscovered(org: string, d: PlusDeploymentWire): DiscoveredDeployment {
  const git = d.branchDeploymentGitMetadata;
  const c = d.latestCommit;
  const branch = d.isBranchDeployment || d.deploymentType === "BRANCH";
  return {
    name: d.deploymentName,
    environment: branch ? "branch" : environmentSlug(d.deploymentName),
    graphqlUrl: `${org}/${encodeURIComponent(d.deploymentName)}/graphql`,
    parent: branch ? (d.parentDeployment?.deploymentName ?? null) : null,
    branch: git
      ? {
          name: git.branchName,
          repo: git.repoName,
          pullRequestUrl: git.pullRequestUrl,
          pullRequestStatus: git.pullRequestStatus,
          pullRequestNumber: git.pullRequestNumber,
        }
      : null,
    commit: c
      ? {
          hash: c.commitHash,
          message: c.commitMessage,
          url: c.commitUrl,
          author: c.authorName ?? c.authorEmail,
          at: Math.round(c.timestamp * 1000),
        }
      : null,
  };
}

/**
 * The organization's active full deployments, then its open branch deployments
 * (newest commit first). Deployments being deleted and branch deployments whose
 * pull request is no longer open are left out.
 */
export function discoveredDeployments(
  graphqlUrl: string,
  wire: PlusDeploymentsWire,
): DiscoveredDeployment[] {
  const org = organizationUrl(graphqlUrl);
  const active = (d: PlusDeploymentWire) => d.deploymentStatus === "ACTIVE";
  const full = wire.fullDeployments.filter(active).map((d) => toDiscovered(org, d));
  const branches = wire.branchDeployments.nodes
    .filter(active)
    .filter((d) => (d.branchDeploymentGitMetadata?.pullRequestStatus ?? "OPEN") === "OPEN")
    .map((d) => toDiscovered(org, d))
    .sort((a, b) => (b.commit?.at ?? 0) - (a.commit?.at ?? 0));
  return [...full.sort((a, b) => a.name.localeCompare(b.name)), ...branches];
}
