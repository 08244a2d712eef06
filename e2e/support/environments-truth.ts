import { dagsterQueryAt } from "./dagster";

// Ground truth for e2e/environments.spec.ts, read from both Dagster instances'
// GraphQL APIs: each location's asset definitions and how they differ between
// prod and staging. Written from Dagster's answers alone; nothing from lib/.

export interface TruthAsset {
  id: string;
  path: string[];
  deps: string[];
  /** Everything the comparison calls a change, as one comparable string per field. */
  fields: Record<"deps" | "partitions" | "codeVersion" | "freshness", string>;
  owners: string[];
}

interface Node {
  assetKey: { path: string[] };
  isAutoCreatedStub: boolean;
  dependencyKeys: { path: string[] }[];
  opVersion: string | null;
  partitionDefinition: { type: string; description: string } | null;
  internalFreshnessPolicy: unknown;
  owners: ({ team: string } | { email: string })[];
}

export async function locationsAt(baseUrl: string): Promise<Map<string, TruthAsset[]>> {
  const data = await dagsterQueryAt<{
    workspaceOrError: {
      locationEntries: {
        name: string;
        locationOrLoadError: { repositories?: { assetNodes: Node[] }[] } | null;
      }[];
    };
  }>(
    baseUrl,
    `{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError {
      ... on RepositoryLocation { repositories { assetNodes {
        assetKey { path } isAutoCreatedStub dependencyKeys { path } opVersion
        partitionDefinition { type description }
        internalFreshnessPolicy {
          ... on TimeWindowFreshnessPolicy { failWindowSeconds warnWindowSeconds }
          ... on CronFreshnessPolicy { deadlineCron lowerBoundDeltaSeconds timezone }
        }
        owners { ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
      } } }
    } } } } }`,
  );
  const out = new Map<string, TruthAsset[]>();
  for (const entry of data.workspaceOrError.locationEntries) {
    const nodes = (entry.locationOrLoadError?.repositories ?? []).flatMap((r) => r.assetNodes);
    out.set(
      entry.name,
      nodes
        .filter((n) => !n.isAutoCreatedStub)
        .map((n) => {
          const deps = n.dependencyKeys.map((k) => JSON.stringify(k.path)).sort();
          return {
            id: JSON.stringify(n.assetKey.path),
            path: n.assetKey.path,
            deps,
            fields: {
              deps: deps.join(","),
              partitions: JSON.stringify(n.partitionDefinition),
              codeVersion: String(n.opVersion),
              freshness: JSON.stringify(n.internalFreshnessPolicy),
            },
            owners: n.owners.map((o) => ("team" in o ? `team:${o.team}` : o.email)),
          };
        }),
    );
  }
  return out;
}

/** Per location present in both: the keys (asset ids) added, removed and changed in staging. */
export function truthDiff(prod: TruthAsset[], staging: TruthAsset[]) {
  const before = new Map(prod.map((a) => [a.id, a]));
  const after = new Map(staging.map((a) => [a.id, a]));
  return {
    added: staging
      .filter((a) => !before.has(a.id))
      .map((a) => a.id)
      .sort(),
    removed: prod
      .filter((a) => !after.has(a.id))
      .map((a) => a.id)
      .sort(),
    changed: staging
      .filter((a) => {
        const b = before.get(a.id);
        return b && JSON.stringify(b.fields) !== JSON.stringify(a.fields);
      })
      .map((a) => a.id)
      .sort(),
  };
}
