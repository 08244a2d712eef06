import { describe, expect, it } from "vitest";
import type { DeploymentCollector, DeploymentState } from "@/lib/collector/deployment-collector";
import type { Leases } from "@/lib/store/lease-types";
import type { PublishedState, StateChannel } from "@/lib/store/state-channel";
import { freshnessOf, type StateFreshness } from "@/lib/store/state-codec";
import { unknownState } from "./deployment-source";
import { ReplicatedDeployment } from "./replicated-deployment";

// Two replicas of one deployment over an in-memory store that behaves as the
// PostgreSQL one does (fenced publication, sequence numbers, freshness rows).

class MemoryStore {
  holder: string | null = null;
  row: { seq: number; state: DeploymentState; freshness: StateFreshness } | null = null;
  readonly subscribers: ((d: string) => void)[] = [];

  leases(me: string): Leases & { set(held: boolean): void } {
    const listeners: ((name: string, held: boolean) => void)[] = [];
    const store = this;
    return {
      want() {},
      holdsLease: () => store.holder === me,
      onChange(l) {
        listeners.push(l);
        return () => undefined;
      },
      async close() {},
      set(held: boolean) {
        store.holder = held ? me : store.holder === me ? null : store.holder;
        for (const l of listeners) l("collector:prod", held);
      },
    };
  }

  channel(): StateChannel {
    const store = this;
    return {
      async publish(_d, state, _lease, holder) {
        if (store.holder !== holder) return null;
        store.row = { seq: (store.row?.seq ?? 0) + 1, state, freshness: freshnessOf(state) };
        for (const s of store.subscribers) s("prod");
        return store.row.seq;
      },
      async publishFreshness(_d, freshness) {
        if (store.row) store.row.freshness = freshness;
        for (const s of store.subscribers) s("prod");
      },
      async read(_d, knownSeq): Promise<PublishedState | null> {
        const row = store.row;
        if (!row) return null;
        return {
          seq: row.seq,
          freshness: row.freshness,
          ...(row.seq > knownSeq ? { state: row.state } : {}),
        };
      },
      subscribe(listener) {
        store.subscribers.push(listener);
      },
      async close() {},
    };
  }
}

/** A collector whose state the test sets; counts its starts and stops. */
function fakeCollector(log: string[], initial: Partial<DeploymentState>) {
  let state: DeploymentState = { ...unknownState("prod"), ...initial };
  const collector = {
    deployment: "prod",
    start: async () => {
      log.push("start");
    },
    stop: () => log.push("stop"),
    state: () => state,
  };
  return {
    collector: collector as unknown as DeploymentCollector,
    set(s: Partial<DeploymentState>) {
      state = { ...state, ...s };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const opts = { publishEveryMs: 5, pollEveryMs: 50 };
const loaded = (at: number) => ({
  deployment: "prod",
  asOf: at,
  error: null,
  locations: [],
});

describe("ReplicatedDeployment", () => {
  it("serves the holder's publications on every replica, under the same generation", async () => {
    const store = new MemoryStore();
    const logA: string[] = [];
    const a = fakeCollector(logA, { generation: 1, locations: loaded(1000), statusesAsOf: 1000 });
    const leasesA = store.leases("a");
    const leasesB = store.leases("b");
    const ra = new ReplicatedDeployment(
      "prod",
      () => a.collector,
      leasesA,
      store.channel(),
      "a",
      opts,
    );
    const rb = new ReplicatedDeployment(
      "prod",
      () => {
        throw new Error("b never collects here");
      },
      leasesB,
      store.channel(),
      "b",
      opts,
    );
    store.subscribers.push(() => rb.notified());
    void ra.start();
    const bReady = rb.start();
    leasesA.set(true);
    await bReady;
    expect(ra.collecting()).toBe(true);
    expect(rb.collecting()).toBe(false);
    expect(rb.state().generation).toBe(1);
    await sleep(20);
    expect(ra.state().generation).toBe(rb.state().generation);

    // New content: a new sequence number everywhere.
    a.set({ generation: 2, statusesAsOf: 2000 });
    await sleep(30);
    expect(store.row?.seq).toBe(2);
    expect(rb.state().generation).toBe(2);
    expect(rb.state().statusesAsOf).toBe(2000);

    // Only an as-of time moved: same generation, fresher time on the follower.
    a.set({ locations: loaded(3000) });
    await sleep(30);
    expect(store.row?.seq).toBe(2);
    expect(rb.state().locations.asOf).toBe(3000);
    ra.stop();
    rb.stop();
  });

  it("after a takeover keeps the predecessor's state until the new collector has run history", async () => {
    const store = new MemoryStore();
    const old = fakeCollector([], {
      generation: 5,
      locations: loaded(1000),
      runsAsOf: 1000,
      runs: [],
    });
    const leasesA = store.leases("a");
    const ra = new ReplicatedDeployment(
      "prod",
      () => old.collector,
      leasesA,
      store.channel(),
      "a",
      opts,
    );
    void ra.start();
    leasesA.set(true);
    await sleep(20);
    expect(store.row?.seq).toBe(1);

    // A dies (its lease lapses); B takes over with a collector that has statuses but no runs yet.
    ra.stop();
    store.holder = null;
    const logB: string[] = [];
    const fresh = fakeCollector(logB, { generation: 1, locations: loaded(5000) });
    const leasesB = store.leases("b");
    const rb = new ReplicatedDeployment(
      "prod",
      () => fresh.collector,
      leasesB,
      store.channel(),
      "b",
      opts,
    );
    await rb.start(); // serves A's publication at once
    leasesB.set(true);
    await sleep(30);
    expect(logB).toEqual(["start"]);
    expect(store.row?.seq).toBe(1);
    expect(rb.state().runsAsOf).toBe(1000);

    fresh.set({ runsAsOf: 6000 });
    await sleep(30);
    expect(store.row?.seq).toBe(2);
    expect(rb.state().runsAsOf).toBe(6000);

    // Losing the lease stops the collector and publications are fenced.
    leasesB.set(false);
    expect(logB).toEqual(["start", "stop"]);
    expect(rb.collecting()).toBe(false);
    rb.stop();
  });
});
