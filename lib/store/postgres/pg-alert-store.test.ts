import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type TestPostgres } from "@/e2e/support/postgres-server.mjs";
import type { AlertStore, OutboxItem } from "@/lib/alerts/alert-store";
import type { AlertCandidate, AlertNotification } from "@/lib/alerts/alert-types";
import { locationSignal } from "@/lib/alerts/notification-fixtures";
import { SqliteAlertStore } from "@/lib/alerts/sqlite-alert-store";
import { type RoutedRule, stepAlerts } from "@/lib/alerts/state-machine";
import { migrate } from "./migrations";
import { PgAlertStore } from "./pg-alert-store";

// Against a real PostgreSQL: the shared alert store must answer exactly as the
// embedded SQLite one does when both are driven by the same engine steps.

let server: TestPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on("error", () => undefined); // connections cut when the server stops
  await migrate(pool, "t");
  // Deliveries are fenced by the alerts lease: the test's deliverer "t" holds it.
  await pool.query(
    "INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES ('alerts', 't', now() + interval '1 hour', now())",
  );
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const RULES: RoutedRule[] = [
  {
    name: "loc",
    for: 10_000,
    renotify: 30_000,
    routes: [
      { team: "ml", channels: ["hook", "chat"] },
      { team: "*", channels: ["pager"] },
    ],
  },
];

/** A location-down condition for one team (fingerprints deliberately mix cases: ordering must agree). */
function down(team: string, location: string): AlertCandidate {
  return {
    signal: {
      ...locationSignal(0, team, location),
      fingerprint: `loc/${team}/${location}`,
      rule: "loc",
      summary: `${location} is down`,
    },
    details: () => ({ rootCause: null, affected: [], blastRadius: [{ team, count: 2 }] }),
  };
}

/** Which conditions hold at each evaluation (10 s apart): alerts go pending, fire, renotify, resolve. */
const SCRIPT: AlertCandidate[][] = [
  [down("ml", "Etl"), down("data", "ingest")],
  [down("ml", "Etl"), down("data", "ingest"), down("ml", "b")],
  [down("ml", "Etl"), down("ml", "b")],
  [down("ml", "Etl")],
  [down("ml", "Etl"), down("data", "ingest")],
  [],
  [],
  [down("ml", "Etl")],
  [down("ml", "Etl")],
  [down("ml", "Etl")],
  [down("ml", "Etl")],
  [down("ml", "Etl")],
  [down("ml", "Etl")],
  [down("ml", "Etl")],
];

/** Delivers what is due: "chat" fails on odd steps, the others succeed (a dry run on "pager"). */
async function deliver(store: AlertStore, now: number, step: number): Promise<OutboxItem[]> {
  const taken: OutboxItem[] = [];
  for (const channel of await store.pendingChannels()) {
    for (const item of await store.due(channel, now, 2)) {
      taken.push(item);
      expect((await store.claim(item, "t", now)).ok).toBe(true);
      if (channel === "chat" && step % 2 === 1)
        await store.recordDelivery(
          item,
          {
            outcome: "failed",
            at: now,
            error: "HTTP 503",
            nextAttemptAt: now + 5_000 * (item.attempts + 1),
          },
          "t",
        );
      else
        await store.recordDelivery(
          item,
          { outcome: channel === "pager" ? "dry-run" : "delivered", at: now },
          "t",
        );
    }
  }
  return taken;
}

/** Everything a store answers, for comparison. */
async function contents(store: AlertStore, now: number) {
  const pending = await store.pendingChannels();
  return {
    active: await store.activeAlerts(),
    pending,
    due: await Promise.all(pending.map((c) => store.due(c, now + 60_000, 100))),
    history: await store.history(100),
    deliveries: await store.deliveries(100),
  };
}

describe("PgAlertStore", () => {
  it("answers as the SQLite store does over the same engine steps and deliveries", async () => {
    const pgStore = new PgAlertStore(pool);
    const sqlite = new SqliteAlertStore(":memory:");
    let now = 1_764_000_000_000;
    let notified = 0;
    const saved: AlertNotification[][] = [];
    for (const [i, candidates] of SCRIPT.entries()) {
      // Each store steps from its own stored state: equal states mean equal steps.
      const [fromPg, fromSqlite] = await Promise.all([
        pgStore.activeAlerts(),
        sqlite.activeAlerts(),
      ]);
      expect(fromPg).toEqual(fromSqlite);
      const step = stepAlerts(fromPg, candidates, RULES, now);
      notified += step.notifications.length;
      await pgStore.commitStep(step);
      await sqlite.commitStep(step);
      // Notifications saved again (a step recomputed after a crash) add nothing,
      // not even a fresh outbox item for one already attempted.
      if (i === 4) {
        const again = { active: [], removed: [], notifications: saved.flat() };
        await pgStore.commitStep(again);
        await sqlite.commitStep(again);
      }
      saved.push(step.notifications);
      expect(await deliver(pgStore, now, i)).toEqual(await deliver(sqlite, now, i));
      expect(await contents(pgStore, now)).toEqual(await contents(sqlite, now));
      now += 10_000;
    }
    // The script does exercise the engine: firing, renotify and resolved all happened.
    const history = await pgStore.history(100);
    expect(history).toHaveLength(notified);
    expect(new Set(history.map((h) => h.transition))).toEqual(
      new Set(["firing", "renotify", "resolved"]),
    );
    // Failures were retried and logged, and some items are still owed to "chat".
    const deliveries = await pgStore.deliveries(1000);
    expect(deliveries.some((d) => d.outcome === "failed" && d.error === "HTTP 503")).toBe(true);
    expect(deliveries.some((d) => d.attempt > 1)).toBe(true);
    // Another replica's handle on the same database resumes the same state.
    const active = await new PgAlertStore(pool).activeAlerts();
    expect(active.map((a) => a.fingerprint)).toEqual(["loc/ml/Etl"]);
    expect(active[0]?.status).toBe("firing");
    sqlite.close();
  });
});
