import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AlertNotification } from "./alert-types";
import type { Sender } from "./channels/senders";
import { Dispatcher } from "./dispatcher";
import { SqliteAlertStore } from "./sqlite-alert-store";

function notification(i: number, channels: string[]): AlertNotification {
  return {
    key: `n${i}:firing`,
    incident: `n${i}`,
    transition: "firing",
    at: 0,
    startsAt: 0,
    endsAt: null,
    channels,
    signal: {
      fingerprint: `f${i}`,
      rule: "r",
      type: "location",
      severity: "critical",
      team: "ml",
      role: "team",
      deployment: "prod",
      location: "ml",
      asset: null,
      summary: `problem ${i}`,
      rootCause: null,
      affected: [],
      blastRadius: [],
    },
  };
}

/** A receiver that records what it took and refuses while `down`. */
function receiver() {
  const got: string[] = [];
  const r = {
    down: false,
    got,
    sender: {
      send: async (n: AlertNotification) => {
        if (r.down) throw new Error("connect ECONNREFUSED");
        got.push(n.key);
      },
    } satisfies Sender,
  };
  return r;
}

describe("Dispatcher", () => {
  let store: SqliteAlertStore;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    store = new SqliteAlertStore(":memory:");
  });
  afterEach(() => {
    store.close();
    vi.useRealTimers();
  });

  async function enqueue(count: number, channels: string[]) {
    const notifications = Array.from({ length: count }, (_, i) => notification(i, channels));
    await store.commitStep({ active: [], removed: [], notifications });
  }

  it("delivers every channel; a dead one retries with back-off and catches up in order", async () => {
    const ok = receiver();
    const dead = receiver();
    dead.down = true;
    const counted: string[] = [];
    const d = new Dispatcher(
      store,
      new Map([
        ["ok", ok.sender],
        ["dead", dead.sender],
      ]),
      { onAttempt: (channel, outcome) => counted.push(`${channel} ${outcome}`) },
    );
    await enqueue(3, ["ok", "dead"]);
    await d.kick();
    expect(ok.got).toEqual(["n0:firing", "n1:firing", "n2:firing"]);
    expect(dead.got).toEqual([]);
    // Back-off doubles: retries at +1 s, then +2 s after that.
    const attempts = async () =>
      (await store.deliveries(100)).filter((r) => r.channel === "dead").length;
    expect(await attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(await attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(await attempts()).toBe(2);
    dead.down = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(dead.got).toEqual(["n0:firing", "n1:firing", "n2:firing"]);
    expect(await store.pendingChannels()).toEqual([]);
    // Every attempt is counted once, as it ended: two refusals, then the catch-up.
    expect(counted.filter((c) => c.startsWith("dead"))).toEqual([
      "dead failed",
      "dead failed",
      "dead delivered",
      "dead delivered",
      "dead delivered",
    ]);
    expect(counted.filter((c) => c.startsWith("ok"))).toHaveLength(3);
    d.stop();
  });

  it("a channel that hangs does not hold up the others", async () => {
    const ok = receiver();
    const hanging: Sender = { send: () => new Promise(() => undefined) };
    const d = new Dispatcher(
      store,
      new Map([
        ["ok", ok.sender],
        ["hang", hanging],
      ]),
    );
    await enqueue(2, ["hang", "ok"]);
    void d.kick();
    await vi.advanceTimersByTimeAsync(10);
    expect(ok.got).toEqual(["n0:firing", "n1:firing"]);
    expect(await store.pendingChannels()).toEqual(["hang"]);
    d.stop();
  });

  it("dry-run records what would be sent and sends nothing", async () => {
    const ok = receiver();
    const counted: string[] = [];
    const d = new Dispatcher(store, new Map([["ok", ok.sender]]), {
      dryRun: true,
      onAttempt: (channel, outcome) => counted.push(`${channel} ${outcome}`),
    });
    await enqueue(2, ["ok"]);
    await d.kick();
    expect(ok.got).toEqual([]);
    expect(counted).toEqual([]);
    expect((await store.deliveries(10)).map((r) => r.outcome)).toEqual(["dry-run", "dry-run"]);
  });

  it("keeps one outbox item per (key, channel) however often a step is saved", async () => {
    const ok = receiver();
    await enqueue(1, ["ok"]);
    await enqueue(1, ["ok"]);
    await new Dispatcher(store, new Map([["ok", ok.sender]])).kick();
    expect(ok.got).toEqual(["n0:firing"]);
  });
});
