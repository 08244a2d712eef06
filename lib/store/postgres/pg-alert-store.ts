import type { Pool } from "pg";
import {
  ALERTS_LEASE,
  type AlertHistoryEntry,
  type AlertStore,
  type ClaimResult,
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
//
// Delivery is fenced by the lease, in the database's clock: an item is claimed
// for sending only in a statement that also finds the claimant holding the
// alerts lease, and a failure reschedules it only while that is still so. A
// replica that lost the lease (paused, cut off) therefore cannot start sending
// an item, nor move its retry, once another replica took over; the claim says
// how long the lease has left, and the dispatcher cuts its send off by then.

/** Takes an undelivered item while holding the lease; answers the lease's remaining ms. */
const CLAIM = `
  UPDATE alert_outbox o
  SET claimed_by = $2, claim_until = (extract(epoch FROM l.expires_at) * 1000)::bigint
  FROM leases l
  WHERE o.id = $1 AND o.delivered_at IS NULL
    AND l.name = $3 AND l.holder = $2 AND l.expires_at > now()
  RETURNING (extract(epoch FROM l.expires_at - now()) * 1000)::float8 AS remaining_ms`;

/** Reschedules a failed item: only by its claimant, and only while it holds the lease. */
const RESCHEDULE = `
  UPDATE alert_outbox SET attempts = $1, next_attempt_at = $2, claimed_by = NULL, claim_until = NULL
  WHERE id = $3 AND delivered_at IS NULL AND claimed_by = $4
    AND EXISTS (SELECT 1 FROM leases WHERE name = $5 AND holder = $4 AND expires_at > now())`;

// BIGINT times come back as float8 (exact for epoch ms) so they are numbers, not strings.
const DELIVERY_COLUMNS = `key, channel, transition, team, rule, at::float8 AS at, attempt, outcome, error`;

export class PgAlertStore implements AlertStore {
  constructor(
    private readonly pool: Pool,
    private readonly lease: string = ALERTS_LEASE,
  ) {}

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

  async claim(item: OutboxItem, holder: string, now: number): Promise<ClaimResult> {
    const { rows } = await this.pool.query<{ remaining_ms: number }>(CLAIM, [
      item.id,
      holder,
      this.lease,
    ]);
    // `now` was read before the statement: counting the lease's remaining time
    // from it ends the local deadline no later than the lease itself.
    if (rows[0]) return { ok: true, until: now + rows[0].remaining_ms };
    const left = await this.pool.query<{ delivered: boolean }>(
      "SELECT delivered_at IS NOT NULL AS delivered FROM alert_outbox WHERE id = $1",
      [item.id],
    );
    return { ok: false, reason: left.rows[0]?.delivered === false ? "fenced" : "delivered" };
  }

  async recordDelivery(item: OutboxItem, result: DeliveryResult, holder: string): Promise<void> {
    const attempt = item.attempts + 1;
    await inTransaction(this.pool, async (client) => {
      if (result.outcome === "failed")
        await client.query(RESCHEDULE, [
          attempt,
          result.nextAttemptAt,
          item.id,
          holder,
          this.lease,
        ]);
      // A delivery (or a refusal for good) is a fact whoever met it: the item leaves the outbox once.
      else
        await client.query(
          "UPDATE alert_outbox SET attempts = $1, delivered_at = $2 WHERE id = $3 AND delivered_at IS NULL",
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
