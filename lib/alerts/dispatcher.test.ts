import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AlertNotification } from "./alert-types";
import { DeliveryError, type Sender } from "./channels/senders";
import { Dispatcher, MISSING_CHANNEL_GRACE_MS } from "./dispatcher";
import { firingNotification } from "./notification-fixtures";
import { SQLITE_CLAIM_MS, SqliteAlertStore } from "./sqlite-alert-store";

const notification = firingNotification;

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

  it("logs an item the receiver refuses for good and moves on; a Retry-After is waited in full", async () => {
    const got: string[] = [];
    const answers: (DeliveryError | null)[] = [
      new DeliveryError("HTTP 400: invalid routing key", true),
      new DeliveryError("HTTP 429", false, 30_000),
    ];
    const sender: Sender = {
      send: async (n) => {
        const answer = answers.shift();
        if (answer) throw answer;
        got.push(n.key);
      },
    };
    const d = new Dispatcher(store, new Map([["pd", sender]]));
    await enqueue(3, ["pd"]);
    await d.kick();
    // n0 refused for good: logged, out of the outbox; n1 hit the rate limit.
    const log = async () =>
      (await store.deliveries(100)).map((r) => `${r.key} ${r.outcome}`).reverse();
    expect(await log()).toEqual(["n0:firing rejected", "n1:firing failed"]);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(got).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toEqual(["n1:firing", "n2:firing"]);
    expect(await store.pendingChannels()).toEqual([]);
  });

  it("rejects the items of a channel no longer configured after an hour, not retrying them forever", async () => {
    await enqueue(2, ["gone"]);
    const d = new Dispatcher(store, new Map());
    // A replica on an older config during a rolling update: the items wait.
    await d.kick();
    expect((await store.deliveries(100)).map((r) => r.outcome)).toEqual(["failed"]);
    expect(await store.pendingChannels()).toEqual(["gone"]);
    vi.setSystemTime(Date.now() + MISSING_CHANNEL_GRACE_MS);
    await vi.advanceTimersByTimeAsync(60_000);
    const outcomes = (await store.deliveries(100)).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "rejected")).toHaveLength(2);
    expect(await store.pendingChannels()).toEqual([]);
  });

  it("backs off under a Retry-After of 0 instead of retrying at once", async () => {
    let calls = 0;
    const sender: Sender = {
      send: async () => {
        calls++;
        throw new DeliveryError("HTTP 429", false, 0);
      },
    };
    await enqueue(1, ["slack"]);
    await new Dispatcher(store, new Map([["slack", sender]])).kick();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
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

  it("cuts a send off when its claim ends, and another process then delivers it once", async () => {
    // Two processes on one SQLite file: each claims before sending.
    const dir = mkdtempSync(path.join(tmpdir(), "hb-dispatch-"));
    const file = path.join(dir, "alerts.sqlite");
    const first = new SqliteAlertStore(file);
    const second = new SqliteAlertStore(file);
    try {
      // Answers only when told to stop: a send that outlives its claim.
      const stuck: Sender = {
        send: (_n, signal) =>
          new Promise((_, reject) =>
            signal?.addEventListener("abort", () => reject(signal.reason as Error)),
          ),
      };
      const ok = receiver();
      const d1 = new Dispatcher(first, new Map([["hook", stuck]]), { holder: "p1" });
      const d2 = new Dispatcher(second, new Map([["hook", ok.sender]]), { holder: "p2" });
      await first.commitStep({
        active: [],
        removed: [],
        notifications: [notification(1, ["hook"])],
      });
      void d1.kick();
      await vi.advanceTimersByTimeAsync(10);
      // p1's claim is live: p2 does not send the item beside it.
      await d2.kick();
      expect(ok.got).toEqual([]);
      await vi.advanceTimersByTimeAsync(SQLITE_CLAIM_MS);
      const log = await second.deliveries(10);
      expect(log.map((r) => r.outcome)).toEqual(["failed"]);
      expect(log[0]?.error).toMatch(/claim/);
      // p1 gave its claim back when it failed (and stops here): once the item's
      // back-off is over, p2 may deliver it, once.
      d1.stop();
      await vi.advanceTimersByTimeAsync(1_000);
      await d2.kick();
      await d2.kick();
      expect(ok.got).toEqual(["n1:firing"]);
      d2.stop();
    } finally {
      first.close();
      second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
