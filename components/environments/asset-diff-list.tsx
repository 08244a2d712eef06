import type { AssetChangeField, AssetDiff } from "@/lib/environments/asset-diff";
import { isEmptyDiff } from "@/lib/environments/asset-diff";
import { formatKey } from "@/lib/format";

const FIELD_WORDS: Record<AssetChangeField, string> = {
  dependencies: "dependencies",
  partitions: "partitions",
  codeVersion: "code version",
  freshnessPolicy: "freshness policy",
};

/** One candidate's asset differences against the base, one line each. */
export function AssetDiffList({ diff }: { diff: AssetDiff }) {
  if (isEmptyDiff(diff)) return <span className="text-slate-500">same assets</span>;
  return (
    <ul className="space-y-0.5 text-xs" data-testid="asset-diff">
      {diff.added.map((key) => (
        <li key={`+${formatKey(key)}`} data-diff="added" data-key={JSON.stringify(key)}>
          <span className="font-medium text-healthy">added</span> <code>{formatKey(key)}</code>
        </li>
      ))}
      {diff.removed.map((key) => (
        <li key={`-${formatKey(key)}`} data-diff="removed" data-key={JSON.stringify(key)}>
          <span className="font-medium text-degraded">removed</span> <code>{formatKey(key)}</code>
        </li>
      ))}
      {diff.changed.map((c) => (
        <li key={`~${formatKey(c.key)}`} data-diff="changed" data-key={JSON.stringify(c.key)}>
          <span className="font-medium text-warning">changed</span> <code>{formatKey(c.key)}</code>:{" "}
          {c.changes
            .map((ch) => `${FIELD_WORDS[ch.field]} ${ch.before ?? "none"} → ${ch.after ?? "none"}`)
            .join("; ")}
        </li>
      ))}
    </ul>
  );
}
