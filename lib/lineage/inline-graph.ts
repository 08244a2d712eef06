import "server-only";
import { graphPayloadOf } from "@/lib/api/current-graph-payload";
import { loadConfig } from "@/lib/config/load-config";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// A small lineage graph goes in the lineage page's document, for the
// first-frame script (components/lineage/first-frame.ts) to draw from at once.
// Fetched instead, even preloaded from the head, the graph's bytes were in
// by 150 ms but decoded only at 340 ms: each step of the decode (inflate,
// then parse) waited behind the evaluation of Next's chunks on the main
// thread (BENCHMARKS.md, "Lineage graph"). Read from the document it is parsed
// in one step when the script runs. A large graph is fetched as before: it
// would make every document as large as the graph. The limit is the config's
// `lineage.inlineGraphMaxAssets` (2,500): at 1,000 assets the graph is 63 kB
// of JSON (11 kB gzipped, no longer fetched) and the document grows from 22 to
// 47 kB gzipped (the JSON is in it twice, for the script and in React's
// payload of the page); at 10,000 the fetched graph already paints 10× sooner
// than the Dagster UI.

const inlined = new WeakMap<HealthSnapshot, { max: number; text: string | null }>();

/**
 * The snapshot's graph as JSON safe inside a <script type="application/json">
 * (no "<", so no "</script>"), or null when it has too many assets to inline.
 * Encoded once per snapshot.
 */
export function inlineGraphJson(snapshot: HealthSnapshot): string | null {
  const max = loadConfig().lineage.inlineGraphMaxAssets;
  const hit = inlined.get(snapshot);
  if (hit?.max === max) return hit.text;
  const payload = graphPayloadOf(snapshot);
  const text =
    payload.keys.length > max ? null : JSON.stringify(payload).replaceAll("<", "\\u003c");
  inlined.set(snapshot, { max, text });
  return text;
}
