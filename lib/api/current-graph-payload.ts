import "server-only";
import { getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { type GraphPayload, toGraphPayload } from "./graph-payload";

// The lineage graph of the current snapshot, built once per snapshot and shared
// by the graph API (the browser's polls) and the lineage page, which renders
// the first graph into its document instead of fetching it after hydration.

const built = new WeakMap<HealthSnapshot, { teams: string; payload: GraphPayload }>();

/** The graph payload of `snapshot`, reused while the snapshot and the configured teams stay. */
export function graphPayloadOf(snapshot: HealthSnapshot): GraphPayload {
  const slugs = loadConfig().teams.map((t) => t.slug);
  const teams = slugs.join("\u0000");
  const hit = built.get(snapshot);
  if (hit?.teams === teams) return hit.payload;
  const payload = toGraphPayload(snapshot, slugs);
  built.set(snapshot, { teams, payload });
  return payload;
}

/** The graph payload of `environment`'s current snapshot (unset: the default environment). */
export async function currentGraphPayload(environment?: string): Promise<GraphPayload> {
  return graphPayloadOf(await getSnapshot(environment));
}
