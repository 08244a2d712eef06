// Graph questions the on-call engineer asks, on plain adjacency lists so they
// run the same in the browser and in tests. Nodes are indices (as in the
// graph payload). Every walk is iterative and visits a node once, so cycles
// and 25k-node graphs are safe.

export type Adjacency = readonly (readonly number[])[];

/** Nodes within `depth` steps of `start` along `edges` (start included), with their distance. */
export function within(edges: Adjacency, start: number, depth: number): Map<number, number> {
  const seen = new Map<number, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (const m of edges[n] ?? []) {
        if (!seen.has(m)) {
          seen.set(m, d);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** The focus view: `depth` levels upstream and downstream of `start`. */
export function focusSet(
  upstream: Adjacency,
  downstream: Adjacency,
  start: number,
  depth: number,
): Set<number> {
  return new Set([
    ...within(upstream, start, depth).keys(),
    ...within(downstream, start, depth).keys(),
  ]);
}

/** Everything downstream of `start` (excluding it), and how many of those each team owns. */
export function blastRadius(
  downstream: Adjacency,
  start: number,
  /** Every team owning node n (a key owned in several deployments may have several). */
  teamsOf: (n: number) => readonly string[],
): { assets: number[]; teams: { team: string; count: number }[] } {
  const reached = within(downstream, start, Number.POSITIVE_INFINITY);
  reached.delete(start);
  const counts = new Map<string, number>();
  for (const n of reached.keys()) {
    const teams = teamsOf(n);
    for (const team of teams.length ? teams : ["(no team)"])
      counts.set(team, (counts.get(team) ?? 0) + 1);
  }
  return {
    assets: [...reached.keys()].sort(
      (a, b) => (reached.get(a) as number) - (reached.get(b) as number) || a - b,
    ),
    teams: [...counts]
      .map(([team, count]) => ({ team, count }))
      .sort((a, b) => b.count - a.count || a.team.localeCompare(b.team)),
  };
}

/**
 * The likely root causes of `start` being unhealthy: unhealthy assets upstream
 * of it (or itself) with no unhealthy asset further upstream. Nearest the root,
 * so fixing them is where recovery starts.
 */
export function rootCauses(
  upstream: Adjacency,
  start: number,
  unhealthy: (n: number) => boolean,
): number[] {
  const ancestors = within(upstream, start, Number.POSITIVE_INFINITY);
  const bad = [...ancestors.keys()].filter(unhealthy);
  const badSet = new Set(bad);
  return bad
    .filter((n) => {
      const above = within(upstream, n, Number.POSITIVE_INFINITY);
      above.delete(n);
      return ![...above.keys()].some(
        (m) => badSet.has(m) && !within(upstream, m, Number.POSITIVE_INFINITY).has(n),
      );
    })
    .sort((a, b) => (ancestors.get(b) as number) - (ancestors.get(a) as number) || a - b);
}
