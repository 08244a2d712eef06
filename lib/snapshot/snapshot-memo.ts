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

/** A perSnapshot memo whose value can also be built in steps that pause (lib/performance/slices.ts). */
export interface SteppedMemo<T> {
  (snapshot: HealthSnapshot): T;
  /** The same value, built in steps and cached like a call: for background passes. */
  steps(snapshot: HealthSnapshot): Generator<void, T, void>;
}

/**
 * perSnapshot for a build written as a generator that `yield`s where it may
 * pause: a call runs it to the end at once; `steps` lets a background pass
 * (the figure warmer) run it in slices. Whichever finishes first is kept.
 */
export function perSnapshotSteps<T>(
  build: (snapshot: HealthSnapshot) => Generator<void, T, void>,
): SteppedMemo<T> {
  const cache = new WeakMap<object, { content: Content; value: T }>();
  const hit = (s: HealthSnapshot) => {
    const h = cache.get(s.graph);
    return h && sameContent(h.content, s) ? h : undefined;
  };
  const keep = (s: HealthSnapshot, value: T): T => {
    const built = hit(s);
    if (built) return built.value; // built meanwhile by a call: one value for everyone
    const { graph, definitionHealth, statuses, runs, materializations } = s;
    cache.set(graph, {
      content: { graph, definitionHealth, statuses, runs, materializations },
      value,
    });
    return value;
  };
  const memo = (s: HealthSnapshot): T => {
    const h = hit(s);
    if (h) return h.value;
    const steps = build(s);
    for (;;) {
      const r = steps.next();
      if (r.done) return keep(s, r.value);
    }
  };
  memo.steps = function* (s: HealthSnapshot): Generator<void, T, void> {
    const h = hit(s);
    if (h) return h.value;
    return keep(s, yield* build(s));
  };
  return memo;
}
