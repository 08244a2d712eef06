import { findCycles } from "@/lib/lineage/find-cycles";

// The order in which code locations should be deployed: a location after every
// location whose assets it reads (upstream first), so a consumer never runs
// against an upstream change it was not deployed with. Locations that read
// each other form a cycle: they cannot be ordered and must ship compatible
// changes together, so the cycle is one step, flagged.

export interface DeployStep {
  /** 1-based: every location of a step can deploy once the steps before it have. */
  wave: number;
  /** One location, or the members of a cycle (sorted). */
  locations: string[];
  cycle: boolean;
  /** Locations of earlier steps this step reads from, sorted. */
  after: string[];
}

export interface DeployOrder {
  steps: DeployStep[];
  cycles: string[][];
}

/** Orders `locations` by `edges` (from = upstream, to = downstream). Pure. */
export function deployOrder(
  locations: readonly string[],
  edges: readonly { from: string; to: string }[],
): DeployOrder {
  const names = [...new Set([...locations, ...edges.flatMap((e) => [e.from, e.to])])].sort();
  const downstream = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const e of edges) downstream.get(e.from)?.push(e.to);
  const cycles = findCycles(downstream).map((c) => [...c].sort());
  // Condense each cycle to one component, then order components by longest
  // path from a source (their wave).
  const componentOf = new Map<string, string>(names.map((n) => [n, n]));
  for (const c of cycles) for (const n of c) componentOf.set(n, c[0] as string);
  const members = new Map<string, string[]>();
  for (const n of names) {
    const c = componentOf.get(n) as string;
    members.set(c, [...(members.get(c) ?? []), n]);
  }
  const upstreamOf = new Map<string, Set<string>>([...members.keys()].map((c) => [c, new Set()]));
  for (const e of edges) {
    const from = componentOf.get(e.from) as string;
    const to = componentOf.get(e.to) as string;
    if (from !== to) upstreamOf.get(to)?.add(from);
  }
  const wave = new Map<string, number>();
  const waveOf = (c: string): number => {
    const known = wave.get(c);
    if (known !== undefined) return known;
    // The condensed graph is acyclic, so this recursion ends; its depth is the
    // number of locations in a chain, which stays small.
    let w = 1;
    for (const u of upstreamOf.get(c) ?? []) w = Math.max(w, waveOf(u) + 1);
    wave.set(c, w);
    return w;
  };
  const steps = [...members.entries()].map(([c, locs]) => ({
    wave: waveOf(c),
    locations: locs,
    cycle: locs.length > 1,
    after: [...(upstreamOf.get(c) ?? [])].flatMap((u) => members.get(u) ?? []).sort(),
  }));
  steps.sort(
    (a, b) => a.wave - b.wave || (a.locations[0] as string).localeCompare(b.locations[0] as string),
  );
  return { steps, cycles };
}
