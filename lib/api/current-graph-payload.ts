import "server-only";
import { loadConfig } from "@/lib/config/load-config";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { type GraphPayload, toGraphPayload } from "./graph-payload";

// The lineage graph of the current snapshot, built once per snapshot and shared
// by every request of the graph API (the lineage page's first-frame script and
// its polls, embeds, API users).

interface Built {
  teams: string;
  payload: GraphPayload;
}

const built = new WeakMap<HealthSnapshot, Built>();

function builtFor(snapshot: HealthSnapshot): Built {
  const slugs = loadConfig().teams.map((t) => t.slug);
  const teams = slugs.join("\u0000");
  const hit = built.get(snapshot);
  if (hit?.teams === teams) return hit;
  const entry: Built = { teams, payload: toGraphPayload(snapshot, slugs) };
  built.set(snapshot, entry);
  return entry;
}

/** The graph payload of `snapshot`, reused while the snapshot and the configured teams stay. */
export function graphPayloadOf(snapshot: HealthSnapshot): GraphPayload {
  return builtFor(snapshot).payload;
}

/** The key under which `env`'s graph JSON is encoded once per generation (lib/http/json-response.ts). */
export function graphBodyKey(env: string): string {
  return `graph:${env}`;
}
