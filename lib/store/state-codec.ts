import { isDeepStrictEqual } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import type { DeploymentState } from "@/lib/collector/deployment-collector";

// A deployment's state as the elected collector publishes it for the other
// replicas: JSON with Maps kept as tagged entry lists, gzip-compressed (at
// 25,000 assets the JSON is several MB; it compresses about tenfold).

const MAP_TAG = "__map__";

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { [MAP_TAG]: [...value.entries()] } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && MAP_TAG in value) {
    return new Map((value as Record<string, [unknown, unknown][]>)[MAP_TAG]);
  }
  return value;
}

export function encodeState(state: DeploymentState): Buffer {
  return gzipSync(JSON.stringify(state, replacer), { level: 6 });
}

export function decodeState(body: Buffer): DeploymentState {
  return JSON.parse(gunzipSync(body).toString("utf8"), reviver) as DeploymentState;
}

/**
 * `next` with each location's definitions taken from `previous` where they are
 * equal. A decoded publication brings new arrays even when only statuses moved;
 * the snapshot keeps its lineage graph (and every answer cached with it) only
 * while the arrays are the same ones (lib/snapshot/build-snapshot.ts), as on
 * the collecting replica.
 */
export function keepDefinitions(
  previous: DeploymentState | null,
  next: DeploymentState,
): DeploymentState {
  if (!previous) return next;
  const before = new Map(previous.locations.locations.map((l) => [l.name, l.assets]));
  const locations = next.locations.locations.map((l) => {
    const assets = before.get(l.name);
    return assets && assets !== l.assets && isDeepStrictEqual(assets, l.assets)
      ? { ...l, assets }
      : l;
  });
  return { ...next, locations: { ...next.locations, locations } };
}

/**
 * The parts of a state that move on every poll without changing its content
 * (as-of times, errors): published separately and cheaply, so followers show
 * the same freshness as the collector without re-reading the whole state.
 */
export interface StateFreshness {
  locationsAsOf: number | null;
  locationsError: string | null;
  locationsErrorSince: number | null;
  statusesAsOf: number | null;
  statusesError: string | null;
  runsAsOf: number | null;
  runsError: string | null;
}

export function freshnessOf(state: DeploymentState): StateFreshness {
  return {
    locationsAsOf: state.locations.asOf,
    locationsError: state.locations.error,
    locationsErrorSince: state.locations.errorSince ?? null,
    statusesAsOf: state.statusesAsOf,
    statusesError: state.statusesError,
    runsAsOf: state.runsAsOf,
    runsError: state.runsError,
  };
}

/** The state with newer freshness laid over it; content and generation unchanged. */
export function withFreshness(state: DeploymentState, f: StateFreshness): DeploymentState {
  return {
    ...state,
    locations: {
      ...state.locations,
      asOf: f.locationsAsOf,
      error: f.locationsError,
      errorSince: f.locationsErrorSince,
    },
    statusesAsOf: f.statusesAsOf,
    statusesError: f.statusesError,
    runsAsOf: f.runsAsOf,
    runsError: f.runsError,
  };
}
