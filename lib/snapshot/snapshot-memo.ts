import type { HealthSnapshot } from "./snapshot-types";

// Figures derived from a snapshot's content, computed once per content and
// shared by every caller. buildSnapshot makes new maps (graph, health,
// statuses, runs, materializations) for each new generation; getSnapshot hands
// out shallow copies with live as-of times, so the content's identity, not the
// copy's, is the key. Nothing is ever mutated in place, so identity is enough.

type Content = Pick<
  HealthSnapshot,
  "graph" | "definitionHealth" | "statuses" | "runs" | "materializations"
>;

const sameContent = (a: Content, b: Content) =>
  a.graph === b.graph &&
  a.definitionHealth === b.definitionHealth &&
  a.statuses === b.statuses &&
  a.runs === b.runs &&
  a.materializations === b.materializations;

/**
 * `build` memoised per snapshot content. Keyed weakly by the graph (new with
 * every build), so each environment's snapshot keeps its own value and an old
 * snapshot's value goes when the snapshot does.
 */
export function perSnapshot<T>(build: (snapshot: HealthSnapshot) => T): (s: HealthSnapshot) => T {
  const cache = new WeakMap<object, { content: Content; value: T }>();
  return (snapshot) => {
    const hit = cache.get(snapshot.graph);
    if (hit && sameContent(hit.content, snapshot)) return hit.value;
    const value = build(snapshot);
    const { graph, definitionHealth, statuses, runs, materializations } = snapshot;
    cache.set(graph, {
      content: { graph, definitionHealth, statuses, runs, materializations },
      value,
    });
    return value;
  };
}
