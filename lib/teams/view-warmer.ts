// Team models are built on demand, one per view and step of "now"
// (get-team-page.ts): the first request after the step moves on (or the
// snapshot changes) paid for the build, 0.1–1 s at 10,000 assets depending on
// the machine's load, before its first byte. This keeps the views asked for
// lately built ahead of the next request: every tick it asks for each of them
// again, which costs a cache lookup when nothing moved. Views nobody asked for
// within `keepMs` are dropped, and at most `maxViews` are kept (least recently
// asked for out), so one-off views cost nothing for long.

export interface ViewWarmer<V> {
  /** A request asked for `view` (the key names it). */
  seen(key: string, view: V): void;
  /** Builds every view kept; skipped while a previous tick still runs. */
  tick(): Promise<void>;
  readonly size: number;
}

export function viewWarmer<V>(options: {
  build: (view: V) => Promise<unknown>;
  now: () => number;
  keepMs: number;
  maxViews: number;
}): ViewWarmer<V> {
  const views = new Map<string, { view: V; at: number }>();
  let running = false;
  return {
    seen(key, view) {
      views.delete(key);
      views.set(key, { view, at: options.now() });
      for (const k of views.keys()) {
        if (views.size <= options.maxViews) break;
        views.delete(k);
      }
    },
    async tick() {
      if (running) return;
      running = true;
      try {
        const oldest = options.now() - options.keepMs;
        for (const [key, v] of views) {
          if (v.at < oldest) views.delete(key);
          // One view's failure (a snapshot not readable yet) leaves the others to build.
          else await options.build(v.view).catch(() => undefined);
        }
      } finally {
        running = false;
      }
    },
    get size() {
      return views.size;
    },
  };
}
