import "server-only";
import { graphBodyKey, graphPayloadOf } from "@/lib/api/current-graph-payload";
import { getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import type { Encoded } from "@/lib/http/etag";
import { snapshotBody } from "@/lib/http/json-response";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";

// A small lineage graph goes in the lineage page's document, for the
// first-frame script (components/lineage/first-frame.ts) to draw from at once.
// Fetched instead, even preloaded from the head, the graph's bytes were in
// by 150 ms but decoded only at 340 ms: each step of the decode (inflate,
// then parse) waited behind the evaluation of Next's chunks on the main
// thread (BENCHMARKS.md, "Lineage graph"). Read from the document it is parsed
// in one step when the script runs. A large graph is fetched as before: the
// document then takes longer to arrive and parse than the fetch saved (paired
// medians: 374 against 474 ms at 1,000 assets, even at 1,500, 760 against
// 502 ms at 2,500). So the config's `lineage.inlineGraphMaxAssets` is 1,200 by
// default. At 1,000 assets the graph is 63 kB of JSON (11 kB gzipped, no
// longer fetched) and the document grows from 22 to 47 kB gzipped: the JSON is
// in it twice, for the script and in React's payload of the page.

/** The escaped text of each encoded graph body, which lives as long as its generation. */
const escaped = new WeakMap<Encoded, string>();

/**
 * The graph of `env`'s snapshot as JSON safe inside a <script
 * type="application/json"> (no "<", so no "</script>"), or null when it has
 * too many assets to inline. The graph API's own bytes (encoded once per
 * generation and shared with the route), escaped once.
 */
export function inlineGraphJson(snapshot: HealthSnapshot, env: string): string | null {
  // The payload has one key per node: a large graph is never encoded here.
  if (snapshot.graph.nodes.size > loadConfig().lineage.inlineGraphMaxAssets) return null;
  const body = snapshotBody(graphBodyKey(env), snapshot.generation, () => graphPayloadOf(snapshot));
  let text = escaped.get(body);
  if (text === undefined) {
    text = body.body.toString("utf8").replaceAll("<", "\\u003c");
    escaped.set(body, text);
  }
  return text;
}

/**
 * The graph for the lineage page being rendered, as inlineGraphJson, or null
 * while no snapshot can be had (the page still renders, and fetches). A
 * client-side navigation to the page carries it too, unread: the first-frame
 * script runs only in a document, and the page's query fetches the graph as
 * before. Next hides from a page (and from proxy.ts) whether it renders a
 * document or a navigation's payload, so the page cannot leave it out there.
 */
export async function documentGraphJson(env: string): Promise<string | null> {
  try {
    return inlineGraphJson(await getSnapshot(env), env);
  } catch {
    return null;
  }
}
