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

/** Why an asset is unhealthy, split so on-call pages the team that actually failed. */
export interface RootCauses {
  /**
   * Failed upstream: degraded assets (the asset itself included) with no
   * degraded asset further upstream, plus the asset itself when its own step
   * failed. Fixing these is where recovery starts. Nearest the root first.
   */
  failed: number[];
  /**
   * Also unhealthy upstream: warning-only ancestors (a WARN check, a warn
   * window). Worth knowing, but they fail nothing downstream. Nearest the root first.
   */
  warnings: number[];
}

/**
 * The likely root causes of `start` being unhealthy. A warning upstream never
 * hides a failure below it: before December 2026 any unhealthy ancestor won, so
 * a model whose own step ran out of memory named an analytics asset with a WARN
 * check as its root cause.
 */
export function rootCauses(
  upstream: Adjacency,
  start: number,
  health: { degraded: (n: number) => boolean; warning: (n: number) => boolean },
  /** The asset's own step failed (its latest attempt): it is a cause whatever is upstream. */
  ownStepFailed = false,
): RootCauses {
  const ancestors = within(upstream, start, Number.POSITIVE_INFINITY);
  const nearestRootFirst = (a: number, b: number) =>
    (ancestors.get(b) as number) - (ancestors.get(a) as number) || a - b;
  const degraded = [...ancestors.keys()].filter(health.degraded);
  const degradedSet = new Set(degraded);
  const failed = degraded.filter((n) => {
    const above = within(upstream, n, Number.POSITIVE_INFINITY);
    above.delete(n);
    // A degraded ancestor that is itself downstream of n (a cycle) does not hide n.
    return ![...above.keys()].some(
      (m) => degradedSet.has(m) && !within(upstream, m, Number.POSITIVE_INFINITY).has(n),
    );
  });
  if (ownStepFailed && !failed.includes(start)) failed.push(start);
  const warnings = [...ancestors.keys()].filter(
    (n) => n !== start && !degradedSet.has(n) && health.warning(n),
  );
  return { failed: failed.sort(nearestRootFirst), warnings: warnings.sort(nearestRootFirst) };
}
