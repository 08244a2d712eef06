import { dagsterQueryAt } from "./dagster";

// Ground truth for the storage spec: the sizes Dagster recorded on each
// asset's materializations, read from its GraphQL API directly (nothing here
// imports Healthboard's code). The key names are the demo's (demo/shared_storage.py).

export const SIZE_KEY = "storage/bytes";
export const ROW_COUNT_KEY = "dagster/row_count";

export interface RecordedSize {
  at: number;
  bytes?: number;
  rows?: number;
}

export interface AssetSizes {
  key: string;
  location: string | null;
  /** Oldest first. */
  events: RecordedSize[];
}

interface WireAsset {
  key: { path: string[] };
  definition: { repository: { location: { name: string } } } | null;
  assetMaterializations: {
    timestamp: string;
    metadataEntries: { label: string; intValue?: number | null }[];
  }[];
}

/** Every asset of the Dagster at `url` with the sizes its materializations recorded. */
export async function recordedSizes(url: string): Promise<AssetSizes[]> {
  const data = await dagsterQueryAt<{ assetsOrError: { nodes: WireAsset[] } }>(
    url,
    `{ assetsOrError { ... on AssetConnection { nodes {
      key { path }
      definition { repository { location { name } } }
      assetMaterializations(limit: 5000) {
        timestamp metadataEntries { label ... on IntMetadataEntry { intValue } }
      }
    } } } }`,
  );
  return data.assetsOrError.nodes.map((n) => ({
    key: n.key.path.join("/"),
    location: n.definition?.repository.location.name ?? null,
    events: n.assetMaterializations
      .map((m) => {
        const value = (label: string) =>
          m.metadataEntries.find((e) => e.label === label)?.intValue ?? undefined;
        return { at: Number(m.timestamp), bytes: value(SIZE_KEY), rows: value(ROW_COUNT_KEY) };
      })
      .sort((a, b) => a.at - b.at),
  }));
}

/** The value the latest event at or before `at` recorded (events that did not record it are skipped). */
export function recordedAt(
  asset: AssetSizes,
  at: number,
  field: "bytes" | "rows",
): number | undefined {
  let out: number | undefined;
  for (const e of asset.events) {
    if (e.at > at) break;
    if (e[field] !== undefined) out = e[field];
  }
  return out;
}
