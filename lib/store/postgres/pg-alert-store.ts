import type { Pool } from "pg";
import {
  type AlertHistoryEntry,
  type AlertStore,
  type DeliveryRecord,
  type DeliveryResult,
  deliveryLogValues,
  type OutboxItem,
} from "@/lib/alerts/alert-store";
import type { AlertNotification, AlertState } from "@/lib/alerts/alert-types";
import type { AlertStep } from "@/lib/alerts/state-machine";
import { inTransaction } from "./transaction";

// Alert state, outbox and delivery log in the shared PostgreSQL store,
// answering as the SQLite store (lib/alerts/sqlite-alert-store.ts) does. Only
// the holder of the "alerts" lease evaluates and sends; keeping this in the
// shared database is what lets a new holder resume without repeating an alert
// (notification keys are unique, and delivered items have left the outbox).

// BIGINT times come back as float8 (exact for epoch ms) so they are numbers, not strings.
const DELIVERY_COLUMNS = `key, channel, transition, team, rule, at::float8 AS at, attempt, outcome, error`;

export class PgAlertStore implements AlertStore {
  constructor(private readonly pool: Pool) {}

  async activeAlerts(): Promise<AlertState[]> {
    const { rows } = await this.pool.query<{ body: AlertState }>(
      "SELECT body FROM alert_state ORDER BY fingerprint",
    );
    return rows.map((r) => r.body);
  }

  async commitStep(step: AlertStep): Promise<void> {
    const outbox = step.notifications.flatMap((n) => n.channels.map((c) => [n.key, c, n.at]));
    // A whole step is a handful of statements, each taking its rows as arrays.
    await inTransaction(this.pool, async (client) => {
      if (step.removed.length > 0)
        await client.query("DELETE FROM alert_state WHERE fingerprint = ANY($1::text[])", [
          step.removed,
        ]);
      if (step.active.length > 0)
        await client.query(
          `INSERT INTO alert_state (fingerprint, body)
           SELECT * FROM unnest($1::text[], $2::jsonb[])
           ON CONFLICT (fingerprint) DO UPDATE SET body = EXCLUDED.body`,
          [step.active.map((s) => s.fingerprint), step.active.map((s) => JSON.stringify(s))],
        );
      if (step.notifications.length > 0)
        await client.query(
          `INSERT INTO alert_history (key, incident, transition, at, body)
           SELECT key, incident, transition, at, body
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::jsonb[])
             WITH ORDINALITY AS n(key, incident, transition, at, body, ord)
           ORDER BY ord
           ON CONFLICT (key) DO NOTHING`,
          [
            step.notifications.map((n) => n.key),
            step.notifications.map((n) => n.incident),
            step.notifications.map((n) => n.transition),
            step.notifications.map((n) => n.at),
            step.notifications.map((n) => JSON.stringify(n)),
          ],
        );
      if (outbox.length > 0)
        await client.query(
          `INSERT INTO alert_outbox (key, channel, next_attempt_at)
           SELECT key, channel, at
           FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY AS o(key, channel, at, ord)
           ORDER BY ord
           ON CONFLICT (key, channel) DO NOTHING`,
          [outbox.map((o) => o[0]), outbox.map((o) => o[1]), outbox.map((o) => o[2])],
        );
    });
  }

  async pendingChannels(): Promise<string[]> {
    const { rows } = await this.pool.query<{ channel: string }>(
      `SELECT DISTINCT channel FROM alert_outbox WHERE delivered_at IS NULL ORDER BY channel`,
    );
    return rows.map((r) => r.channel);
  }

  async due(channel: string, now: number, limit: number): Promise<OutboxItem[]> {
    const { rows } = await this.pool.query<{
      id: number;
      channel: string;
      attempts: number;
      next_attempt_at: number;
      body: AlertNotification;
    }>(
      `SELECT o.id::float8 AS id, o.channel, o.attempts, o.next_attempt_at::float8 AS next_attempt_at, h.body
       FROM alert_outbox o JOIN alert_history h ON h.key = o.key
       WHERE o.channel = $1 AND o.delivered_at IS NULL AND o.next_attempt_at <= $2
       ORDER BY o.id LIMIT $3`,
      [channel, now, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      notification: r.body,
    }));
  }

  async recordDelivery(item: OutboxItem, result: DeliveryResult): Promise<void> {
    const attempt = item.attempts + 1;
    await inTransaction(this.pool, async (client) => {
      if (result.outcome === "failed")
        await client.query(
          "UPDATE alert_outbox SET attempts = $1, next_attempt_at = $2 WHERE id = $3",
          [attempt, result.nextAttemptAt, item.id],
        );
      else
        await client.query(
          "UPDATE alert_outbox SET attempts = $1, delivered_at = $2 WHERE id = $3",
          [attempt, result.at, item.id],
        );
      await client.query(
        `INSERT INTO alert_delivery_log (key, channel, transition, team, rule, at, attempt, outcome, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [...deliveryLogValues(item, result)],
      );
    });
  }

  async history(limit: number): Promise<AlertHistoryEntry[]> {
    const { rows } = await this.pool.query<AlertHistoryEntry>(
      `SELECT key, incident, transition, at::float8 AS at, body AS notification
       FROM alert_history ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows;
  }

  async deliveries(limit: number): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query<DeliveryRecord>(
      `SELECT ${DELIVERY_COLUMNS} FROM alert_delivery_log ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows;
  }

  close(): void {
    // The pool belongs to the store set (lib/store/open-stores.ts), which ends it.
  }
}
