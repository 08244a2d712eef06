import { createHash } from "node:crypto";

// A code location's fingerprint: a hash of what a deploy can change. Dagster's
// versionKey is the code server's id or load time in open source, so a
// webserver restart moves it while the code stays the same; this does not.
// Everything is sorted before hashing, so Dagster's response order never matters.

export interface KeyValue {
  key: string;
  value: string;
}

/** One asset definition as far as a deploy is concerned. */
export interface FingerprintAsset {
  key: readonly string[];
  /** Upstream keys only: downstream edges are other definitions' upstream. */
  dependencies: readonly (readonly string[])[];
  group: string | null;
  description: string | null;
  kinds: readonly string[];
  owners: readonly string[];
  tags: readonly KeyValue[];
  jobNames: readonly string[];
  /** The asset's code_version (Dagster's `opVersion`). */
  codeVersion: string | null;
  /** Partitions definition type and description, or null when unpartitioned. */
  partitions: string | null;
  /** Freshness policy in any stable form (it is hashed, never read). */
  freshnessPolicy: unknown;
  checks: readonly string[];
  isMaterializable: boolean;
  isObservable: boolean;
}

export interface FingerprintInput {
  /** The location's displayMetadata: image, commit hash, module, … */
  displayMetadata: readonly KeyValue[];
  assets: readonly FingerprintAsset[];
}

const byKey = (a: KeyValue, b: KeyValue) =>
  a.key === b.key ? compare(a.value, b.value) : compare(a.key, b.key);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedStrings = (xs: readonly string[]) => [...xs].sort(compare);
const keyText = (key: readonly string[]) => JSON.stringify(key);

/** JSON with object keys in a fixed order, so equal values hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function normaliseAsset(a: FingerprintAsset) {
  return {
    key: keyText(a.key),
    dependencies: sortedStrings(a.dependencies.map(keyText)),
    group: a.group,
    description: a.description,
    kinds: sortedStrings(a.kinds),
    owners: sortedStrings(a.owners),
    tags: [...a.tags].sort(byKey),
    jobNames: sortedStrings(a.jobNames),
    codeVersion: a.codeVersion,
    partitions: a.partitions,
    freshnessPolicy: a.freshnessPolicy ?? null,
    checks: sortedStrings(a.checks),
    isMaterializable: a.isMaterializable,
    isObservable: a.isObservable,
  };
}

/** A hex SHA-256 of the location's definitions and display metadata. */
export function locationFingerprint(input: FingerprintInput): string {
  const assets = input.assets.map(normaliseAsset).sort((a, b) => compare(a.key, b.key));
  const body = canonical({
    displayMetadata: [...input.displayMetadata].sort(byKey),
    assets,
  });
  return createHash("sha256").update(body).digest("hex");
}

/**
 * The version people recognise, from the location's displayMetadata: the
 * commit (Dagster+ sets `commit_hash`), else the image's tag or digest. Null
 * when neither is there; callers then show a short fingerprint.
 */
export function displayVersion(displayMetadata: readonly KeyValue[]): string | null {
  const value = (key: string) => displayMetadata.find((m) => m.key === key)?.value.trim() || null;
  const commit = value("commit_hash") ?? value("git_sha") ?? value("commit");
  if (commit) return /^[0-9a-f]{13,}$/i.test(commit) ? commit.slice(0, 12) : commit;
  const image = value("image");
  if (!image) return null;
  const digest = image.match(/@sha256:([0-9a-f]{12})/i);
  if (digest) return `sha256:${digest[1]}`;
  const tag = image.match(/:([^:/]+)$/);
  return tag ? (tag[1] as string) : image;
}

/** What the Version column shows: the display version, else the fingerprint's first 10 hex digits. */
export function humanVersion(
  displayMetadata: readonly KeyValue[],
  fingerprint: string | null,
): string | null {
  return displayVersion(displayMetadata) ?? (fingerprint ? fingerprint.slice(0, 10) : null);
}
