import "server-only";
import { graphPayloadOf } from "@/lib/api/current-graph-payload";
import { getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
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

interface Inlined {
  generation: string;
  max: number;
  teams: string;
  text: string | null;
}

/**
 * One entry per environment. Keyed by generation, not by the snapshot object:
 * getSnapshot returns a new object on every call (its as-of times are live).
 */
const inlined = new Map<string, Inlined>();

/**
 * The graph of `env`'s snapshot as JSON safe inside a <script
 * type="application/json"> (no "<", so no "</script>"), or null when it has
 * too many assets to inline. Encoded once per snapshot generation.
 */
export function inlineGraphJson(snapshot: HealthSnapshot, env: string): string | null {
  const config = loadConfig();
  const max = config.lineage.inlineGraphMaxAssets;
  // The payload names the configured teams: a changed list is a new graph.
  const teams = config.teams.map((t) => t.slug).join("\u0000");
  const hit = inlined.get(env);
  if (hit?.generation === snapshot.generation && hit.max === max && hit.teams === teams) {
    return hit.text;
  }
  // The payload has one key per node: a large graph is never built here.
  const text =
    snapshot.graph.nodes.size > max
      ? null
      : JSON.stringify(graphPayloadOf(snapshot)).replaceAll("<", "\\u003c");
  inlined.set(env, { generation: snapshot.generation, max, teams, text });
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
