import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// Ground truth for the end-to-end tests, read from the test Dagster's GraphQL
// API directly: nothing here imports Healthboard's code.

export const DAGSTER_URL = process.env.E2E_DAGSTER_URL ?? "http://127.0.0.1:3071";
const DAGSTER_HOME = process.env.DAGSTER_HOME ?? path.resolve(".dagster-home-e2e");
const SWITCHES = process.env.HEALTHBOARD_DEMO_SWITCHES ?? path.join(DAGSTER_HOME, "switches");

export async function dagsterQuery<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return dagsterQueryAt<T>(DAGSTER_URL, query, variables);
}

/** The same, against the Dagster at `baseUrl` (for suites that read several deployments). */
export async function dagsterQueryAt<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors || !body.data) {
    throw new Error(`Dagster GraphQL failed: ${res.status} ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

export interface TruthLocation {
  name: string;
  failed: boolean;
  error: string | null;
  /** Asset definitions, without Dagster's auto-created stubs for other locations' keys. */
  assets: { path: string[]; owners: string[] }[];
}

export async function workspaceTruth(): Promise<TruthLocation[]> {
  const data = await dagsterQuery<{
    workspaceOrError: {
      locationEntries: {
        name: string;
        locationOrLoadError:
          | {
              __typename: "PythonError";
              message: string;
              errorChain: { error: { message: string } }[];
            }
          | {
              __typename: "RepositoryLocation";
              repositories: {
                assetNodes: {
                  assetKey: { path: string[] };
                  isAutoCreatedStub: boolean;
                  owners: ({ team: string } | { email: string })[];
                }[];
              }[];
            }
          | null;
      }[];
    };
  }>(`{
    workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError {
      __typename
      ... on PythonError { message errorChain { error { message } } }
      ... on RepositoryLocation { repositories { assetNodes {
        assetKey { path } isAutoCreatedStub
        owners { ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
      } } }
    } } } }
  }`);
  return data.workspaceOrError.locationEntries.map((entry) => {
    const loe = entry.locationOrLoadError;
    if (loe?.__typename === "PythonError") {
      const messages = [loe.message, ...loe.errorChain.map((link) => link.error.message)];
      return { name: entry.name, failed: true, error: messages.join("\n"), assets: [] };
    }
    const nodes = loe?.repositories.flatMap((r) => r.assetNodes) ?? [];
    return {
      name: entry.name,
      failed: false,
      error: null,
      assets: nodes
        .filter((n) => !n.isAutoCreatedStub)
        .map((n) => ({
          path: n.assetKey.path,
          owners: n.owners.map((o) => ("team" in o ? `team:${o.team}` : o.email)),
        })),
    };
  });
}

/** Flips a demo switch file and reloads the location through Dagster, as a deploy would. */
export async function setBroken(location: string, broken: boolean): Promise<void> {
  mkdirSync(SWITCHES, { recursive: true });
  const file = path.join(SWITCHES, `${location}.broken`);
  if (broken) writeFileSync(file, "");
  else rmSync(file, { force: true });
  await dagsterQuery(
    `mutation R($n: String!) { reloadRepositoryLocation(repositoryLocationName: $n) { __typename } }`,
    { n: location },
  );
}
