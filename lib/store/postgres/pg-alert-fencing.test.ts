import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPostgres, type TestPostgres } from "@/e2e/support/postgres-server.mjs";
import { ALERTS_LEASE } from "@/lib/alerts/alert-store";
import type { Sender } from "@/lib/alerts/channels/senders";
import { Dispatcher } from "@/lib/alerts/dispatcher";
import { firingNotification } from "@/lib/alerts/notification-fixtures";
import { migrate } from "./migrations";
import { PgAlertStore } from "./pg-alert-store";
import { PgLeases } from "./pg-leases";

// Fenced delivery against a real PostgreSQL: two replicas share the outbox;
// the one that lost the alerts lease must not send an item once the other
// took over, even while its own clock still says it holds the lease (a
// paused process), and its failures must not move the new holder's retries.

let server: TestPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 6 });
  pool.on("error", () => undefined);
  await migrate(pool, "t");
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

beforeEach(async () => {
  await pool.query(
    "TRUNCATE alert_outbox, alert_history, alert_delivery_log, alert_state, leases RESTART IDENTITY",
  );
});

const notification = (i: number) => firingNotification(i, ["hook"]);

/** One receiver behind both replicas: records who delivered what; refuses while `down`. */
function receiver() {
  const got: { by: string; key: string }[] = [];
  const state = { down: new Set<string>() };
  const senderFor = (by: string): Sender => ({
    send: async (n) => {
      if (state.down.has(by)) throw new Error("connect ECONNREFUSED");
      got.push({ by, key: n.key });
    },
  });
  return { got, state, senderFor };
}

/** Ends the current holder's lease in the database, as if it had stopped renewing long ago. */
async function expireLease() {
  await pool.query("UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = $1", [
    ALERTS_LEASE,
  ]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("fenced delivery (PostgreSQL)", () => {
  it("a replica that lost the lease does not send its retry after another took over", async () => {
    const store = new PgAlertStore(pool);
    const a = new PgLeases(pool, "replica-a", 60_000);
    const b = new PgLeases(pool, "replica-b", 60_000);
    const r = receiver();
    const options = { baseMs: 200, maxMs: 200 };
    const dA = new Dispatcher(store, new Map([["hook", r.senderFor("a")]]), {
      ...options,
      holder: "replica-a",
    });
    const dB = new Dispatcher(store, new Map([["hook", r.senderFor("b")]]), {
      ...options,
      holder: "replica-b",
    });
    try {
      a.want(ALERTS_LEASE);
      await a.tick();
      expect(a.holdsLease(ALERTS_LEASE)).toBe(true);
      await store.commitStep({
        active: [],
        removed: [],
        notifications: [notification(1), notification(2)],
      });
      // A's receiver path is down: its first attempt fails, a retry is scheduled in 200 ms.
      r.state.down.add("a");
      await dA.kick();
      expect((await store.deliveries(10)).map((d) => d.outcome)).toEqual(["failed"]);
      // A stalls; its lease runs out in the database and B takes over. A's own
      // clock still counts the lease as held (a paused process does not know).
      await expireLease();
      b.want(ALERTS_LEASE);
      await b.tick();
      expect(b.holdsLease(ALERTS_LEASE)).toBe(true);
      expect(a.holdsLease(ALERTS_LEASE)).toBe(true);
      // A's retry timer fires with its receiver path back: fenced, it sends nothing.
      r.state.down.delete("a");
      await sleep(400);
      await dA.kick();
      expect(r.got).toEqual([]);
      // B delivers each item once; A trying again later still sends nothing.
      await dB.kick();
      await dA.kick();
      expect(r.got).toEqual([
        { by: "b", key: "n1:firing" },
        { by: "b", key: "n2:firing" },
      ]);
      expect(await store.pendingChannels()).toEqual([]);
    } finally {
      dA.stop();
      dB.stop();
      await a.close();
      await b.close();
    }
  });

  it("a stale holder's failure does not reschedule the new holder's item", async () => {
    const store = new PgAlertStore(pool);
    const a = new PgLeases(pool, "replica-a", 60_000);
    const b = new PgLeases(pool, "replica-b", 60_000);
    try {
      a.want(ALERTS_LEASE);
      await a.tick();
      await store.commitStep({ active: [], removed: [], notifications: [notification(1)] });
      const [item] = await store.due("hook", 0, 10);
      if (!item) throw new Error("no outbox item");
      const claimA = await store.claim(item, "replica-a", Date.now());
      expect(claimA.ok).toBe(true);
      // The claim ends no later than the lease: at most one period from now.
      if (claimA.ok) expect(claimA.until - Date.now()).toBeLessThanOrEqual(60_000);
      await expireLease();
      b.want(ALERTS_LEASE);
      await b.tick();
      expect(await store.claim(item, "replica-a", Date.now())).toEqual({
        ok: false,
        reason: "fenced",
      });
      expect((await store.claim(item, "replica-b", Date.now())).ok).toBe(true);
      // A's send (started before the takeover) fails late and tries to push the item back an hour.
      const hourLater = Date.now() + 3_600_000;
      await store.recordDelivery(
        item,
        { outcome: "failed", at: Date.now(), error: "timeout", nextAttemptAt: hourLater },
        "replica-a",
      );
      // Still due now for B; the attempt is in the log all the same.
      expect((await store.due("hook", Date.now(), 10)).map((i) => i.id)).toEqual([item.id]);
      expect((await store.deliveries(10)).map((d) => d.outcome)).toEqual(["failed"]);
      // B delivers; anyone's later claim is refused as delivered.
      await store.recordDelivery(item, { outcome: "delivered", at: Date.now() }, "replica-b");
      expect(await store.claim(item, "replica-b", Date.now())).toEqual({
        ok: false,
        reason: "delivered",
      });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
