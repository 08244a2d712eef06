import type Database from "better-sqlite3";
import { openSqlite } from "@/lib/store/open-sqlite";
import {
  type AlertHistoryEntry,
  type AlertStore,
  type ClaimResult,
  type DeliveryRecord,
  type DeliveryResult,
  deliveryLogValues,
  type OutboxItem,
} from "./alert-store";
import type { AlertNotification, AlertState } from "./alert-types";
import type { AlertStep } from "./state-machine";

// Alert state, outbox and delivery log in one SQLite file (WAL). Numbered
// migrations in PRAGMA user_version, as in the deploy store: never edit one
// that has shipped, add the next.

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE alert_state (
     fingerprint TEXT PRIMARY KEY,
     body TEXT NOT NULL
   );
   CREATE TABLE alert_history (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL UNIQUE,
     incident TEXT NOT NULL,
     transition TEXT NOT NULL,
     at INTEGER NOT NULL,
     body TEXT NOT NULL
   );
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL,
     channel TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     delivered_at INTEGER,
     UNIQUE (key, channel)
   );
   CREATE INDEX outbox_due ON outbox (channel, delivered_at, next_attempt_at);
   CREATE TABLE delivery_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL,
     channel TEXT NOT NULL,
     transition TEXT NOT NULL,
     team TEXT NOT NULL,
     rule TEXT NOT NULL,
     at INTEGER NOT NULL,
     attempt INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     error TEXT
   );`,
  // 2: claims, so that two processes never send the same item at once and a
  // stale sender's failure does not reschedule an item another process took.
  `ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
   ALTER TABLE outbox ADD COLUMN claim_until INTEGER;`,
];

/**
 * How long a claim on one item lasts here (one process per SQLite file, in
 * practice): longer than a sender's own timeout, so a live send is never
 * overtaken, short enough that a crashed sender's item is retried soon.
 */
export const SQLITE_CLAIM_MS = 30_000;

interface OutboxRow {
  id: number;
  channel: string;
  attempts: number;
  next_attempt_at: number;
  body: string;
}

export class SqliteAlertStore implements AlertStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSqlite(file, MIGRATIONS, { synchronousNormal: true });
  }

  async activeAlerts(): Promise<AlertState[]> {
    const rows = this.db.prepare("SELECT body FROM alert_state ORDER BY fingerprint").all() as {
      body: string;
    }[];
    return rows.map((r) => JSON.parse(r.body) as AlertState);
  }

  async commitStep(step: AlertStep): Promise<void> {
    const upsert = this.db.prepare(
      "INSERT INTO alert_state (fingerprint, body) VALUES (?, ?) ON CONFLICT (fingerprint) DO UPDATE SET body = excluded.body",
    );
    const remove = this.db.prepare("DELETE FROM alert_state WHERE fingerprint = ?");
    const history = this.db.prepare(
      "INSERT OR IGNORE INTO alert_history (key, incident, transition, at, body) VALUES (?, ?, ?, ?, ?)",
    );
    const outbox = this.db.prepare(
      "INSERT OR IGNORE INTO outbox (key, channel, next_attempt_at) VALUES (?, ?, ?)",
    );
    this.db.transaction(() => {
      for (const f of step.removed) remove.run(f);
      // A steady refresh changes few states: those it left as they were are not rewritten.
      for (const s of step.active)
        if (!step.unchanged?.has(s.fingerprint)) upsert.run(s.fingerprint, JSON.stringify(s));
      for (const n of step.notifications) {
        history.run(n.key, n.incident, n.transition, n.at, JSON.stringify(n));
        for (const c of n.channels) outbox.run(n.key, c, n.at);
      }
    })();
  }

  async pendingChannels(): Promise<string[]> {
    const rows = this.db
      .prepare("SELECT DISTINCT channel FROM outbox WHERE delivered_at IS NULL ORDER BY channel")
      .all() as { channel: string }[];
    return rows.map((r) => r.channel);
  }

  async due(channel: string, now: number, limit: number): Promise<OutboxItem[]> {
    const rows = this.db
      .prepare(
        `SELECT o.id, o.channel, o.attempts, o.next_attempt_at, h.body
         FROM outbox o JOIN alert_history h ON h.key = o.key
         WHERE o.channel = ? AND o.delivered_at IS NULL AND o.next_attempt_at <= ?
         ORDER BY o.id LIMIT ?`,
      )
      .all(channel, now, limit) as OutboxRow[];
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      notification: JSON.parse(r.body) as AlertNotification,
    }));
  }

  async claim(item: OutboxItem, holder: string, now: number): Promise<ClaimResult> {
    const until = now + SQLITE_CLAIM_MS;
    const taken = this.db
      .prepare(
        `UPDATE outbox SET claimed_by = ?, claim_until = ?
         WHERE id = ? AND delivered_at IS NULL
           AND (claimed_by IS NULL OR claimed_by = ? OR claim_until <= ?)`,
      )
      .run(holder, until, item.id, holder, now);
    if (taken.changes === 1) return { ok: true, until };
    const row = this.db.prepare("SELECT delivered_at FROM outbox WHERE id = ?").get(item.id) as
      | { delivered_at: number | null }
      | undefined;
    return { ok: false, reason: row?.delivered_at == null ? "claimed" : "delivered" };
  }

  async recordDelivery(item: OutboxItem, result: DeliveryResult, holder: string): Promise<void> {
    const attempt = item.attempts + 1;
    this.db.transaction(() => {
      if (result.outcome === "failed") {
        // Only the claim's holder reschedules (and releases the claim for its retry).
        this.db
          .prepare(
            `UPDATE outbox SET attempts = ?, next_attempt_at = ?, claimed_by = NULL, claim_until = NULL
             WHERE id = ? AND delivered_at IS NULL AND claimed_by = ?`,
          )
          .run(attempt, result.nextAttemptAt, item.id, holder);
      } else {
        // A delivery (or a refusal for good) is a fact whoever met it: the item leaves the outbox once.
        this.db
          .prepare(
            "UPDATE outbox SET attempts = ?, delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
          )
          .run(attempt, result.at, item.id);
      }
      this.db
        .prepare(
          `INSERT INTO delivery_log (key, channel, transition, team, rule, at, attempt, outcome, error)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...deliveryLogValues(item, result));
    })();
  }

  async history(limit: number): Promise<AlertHistoryEntry[]> {
    const rows = this.db
      .prepare(
        "SELECT key, incident, transition, at, body FROM alert_history ORDER BY id DESC LIMIT ?",
      )
      .all(limit) as (Omit<AlertHistoryEntry, "notification"> & { body: string })[];
    return rows.map(({ body, ...r }) => ({
      ...r,
      notification: JSON.parse(body) as AlertNotification,
    }));
  }

  async deliveries(limit: number): Promise<DeliveryRecord[]> {
    return this.db
      .prepare(
        `SELECT key, channel, transition, team, rule, at, attempt, outcome, error
         FROM delivery_log ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as DeliveryRecord[];
  }

  close(): void {
    this.db.close();
  }
}
