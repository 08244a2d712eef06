import type { PlusDeploymentWire } from "./plus-discovery";

// Dagster+'s answers to plus-deployments.graphql as unit tests write them: a
// full deployment, and a branch deployment whose commit and pull request are
// numbered by `at` (also its commit time, in epoch seconds).

export function deployment(
  name: string,
  extra: Partial<PlusDeploymentWire> = {},
): PlusDeploymentWire {
  return {
    deploymentId: name.length,
    deploymentName: name,
    deploymentStatus: "ACTIVE",
    deploymentType: "PRODUCTION",
    isBranchDeployment: false,
    parentDeployment: null,
    branchDeploymentGitMetadata: null,
    latestCommit: null,
    ...extra,
  };
}

export function branch(
  name: string,
  pr: "OPEN" | "CLOSED" | "MERGED",
  at: number,
): PlusDeploymentWire {
  return deployment(name, {
    deploymentType: "BRANCH",
    isBranchDeployment: true,
    parentDeployment: { deploymentName: "prod" },
    branchDeploymentGitMetadata: {
      branchName: `feature/${name}`,
      repoName: "acme/analytics",
      branchUrl: null,
      pullRequestUrl: `https://github.com/acme/analytics/pull/${at}`,
      pullRequestStatus: pr,
      pullRequestNumber: String(at),
    },
    latestCommit: {
      commitHash: `abc${at}`,
      commitMessage: "Rename product_performance",
      commitUrl: null,
      authorName: null,
      authorEmail: "alice@example.com",
      timestamp: at,
    },
  });
}
