import { freshnessWords } from "@/lib/contracts/freshness-words";
import type { AssetDefinition } from "@/lib/domain/types";
import { formatKey } from "@/lib/format";

// The difference between one code location's assets in two deployments. An
// asset's identity is (deployment, key); within one location compared across
// deployments, the key alone pairs them. Pure; sorted by key so the same two
// snapshots always give the same diff.

export type AssetChangeField = "dependencies" | "partitions" | "codeVersion" | "freshnessPolicy";

export interface AssetChange {
  field: AssetChangeField;
  /** The value in the base deployment, in words; null when unset. */
  before: string | null;
  after: string | null;
}

export interface ChangedAsset {
  key: string[];
  changes: AssetChange[];
}

export interface AssetDiff {
  added: string[][];
  removed: string[][];
  changed: ChangedAsset[];
}

type Def = Pick<
  AssetDefinition,
  "id" | "key" | "upstream" | "isPartitioned" | "freshnessPolicy" | "codeVersion" | "partitions"
>;

/** The partitions definition in words; from isPartitioned alone where the description is unknown. */
export function partitionsOf(def: Pick<Def, "isPartitioned" | "partitions">): string | null {
  if (def.partitions !== undefined) return def.partitions;
  return def.isPartitioned ? "partitioned" : null;
}

/** Upstream keys, sorted and joined: equal sets give equal text. */
export function dependenciesOf(def: Pick<Def, "upstream">): string | null {
  const keys = def.upstream.map(formatKey).sort();
  return keys.length ? keys.join(", ") : null;
}

const FIELDS: [AssetChangeField, (d: Def) => string | null][] = [
  ["dependencies", dependenciesOf],
  ["partitions", partitionsOf],
  ["codeVersion", (d) => d.codeVersion ?? null],
  ["freshnessPolicy", (d) => (d.freshnessPolicy ? freshnessWords(d.freshnessPolicy) : null)],
];

const byKey = (a: readonly string[], b: readonly string[]) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** What changed from `base` to `head`: keys added, keys removed, and per shared key the fields that differ. */
export function diffAssets(base: readonly Def[], head: readonly Def[]): AssetDiff {
  const before = new Map(base.map((d) => [d.id, d]));
  const after = new Map(head.map((d) => [d.id, d]));
  const added = head.filter((d) => !before.has(d.id)).map((d) => d.key);
  const removed = base.filter((d) => !after.has(d.id)).map((d) => d.key);
  const changed: ChangedAsset[] = [];
  for (const h of head) {
    const b = before.get(h.id);
    if (!b) continue;
    const changes = FIELDS.flatMap(([field, read]): AssetChange[] => {
      const [x, y] = [read(b), read(h)];
      return x === y ? [] : [{ field, before: x, after: y }];
    });
    if (changes.length) changed.push({ key: h.key, changes });
  }
  return {
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    changed: changed.sort((a, b) => byKey(a.key, b.key)),
  };
}

export function isEmptyDiff(diff: AssetDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}
