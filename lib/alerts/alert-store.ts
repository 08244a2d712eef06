import type { AlertNotification, AlertState, Transition } from "./alert-types";
import type { AlertStep } from "./state-machine";

// Where alert state, the outbox and the delivery log live. One interface, so
// a shared database (PostgreSQL, for several replicas) can replace the SQLite
// file; every method is async for that reason, even where SQLite answers at once.

/** A notification waiting for one channel. */
export interface OutboxItem {
  id: number;
  channel: string;
  notification: AlertNotification;
  attempts: number;
  nextAttemptAt: number;
}

export interface DeliveryRecord {
  key: string;
  channel: string;
  transition: Transition;
  team: string;
  rule: string;
  at: number;
  attempt: number;
  outcome: DeliveryResult["outcome"];
  error: string | null;
}

export interface AlertHistoryEntry {
  incident: string;
  key: string;
  transition: Transition;
  at: number;
  notification: AlertNotification;
}

/** The lease whose holder evaluates and delivers (lib/collector/collectors.ts wants it). */
export const ALERTS_LEASE = "alerts";

/**
 * Claiming an outbox item before sending it. `until` is this process's clock
 * time by which the send must be over: the claim (and, with replicas, the
 * alerts lease it was taken under) may lapse then, and another holder may
 * send the item. Refused: delivered meanwhile, or this replica no longer holds
 * the alerts lease ("fenced"), or another process's claim is still live.
 */
export type ClaimResult =
  | { ok: true; until: number }
  | { ok: false; reason: "delivered" | "fenced" | "claimed" };

export type DeliveryResult =
  | { outcome: "delivered" | "dry-run"; at: number }
  | { outcome: "failed"; at: number; error: string; nextAttemptAt: number }
  /**
   * Refused for good (see DeliveryError in channels/senders.ts, or a channel
   * missing from the config for an hour): sending it again would be refused
   * again. It leaves the outbox, logged, so the channel's queue behind it moves on.
   */
  | { outcome: "rejected"; at: number; error: string };

/** An attempt's delivery-log values, in the column order both stores insert them. */
export function deliveryLogValues(item: OutboxItem, result: DeliveryResult) {
  const n = item.notification;
  return [
    n.key,
    item.channel,
    n.transition,
    n.signal.team,
    n.signal.rule,
    result.at,
    item.attempts + 1,
    result.outcome,
    result.outcome === "failed" || result.outcome === "rejected" ? result.error : null,
  ] as const;
}

export interface AlertStore {
  /** Every alert pending or firing, as the last step left them. */
  activeAlerts(): Promise<AlertState[]>;
  /**
   * Saves a step atomically: the new active set, the history, and one outbox
   * item per (notification, channel). A crash before it leaves the old state
   * (the step is recomputed, same keys); after it, nothing is computed twice.
   */
  commitStep(step: AlertStep): Promise<void>;
  /** Channels with undelivered items. */
  pendingChannels(): Promise<string[]>;
  /** A channel's undelivered items due by `now`, oldest first. */
  due(channel: string, now: number, limit: number): Promise<OutboxItem[]>;
  /**
   * Takes `item` for `holder` before sending it: fenced, so a replica that lost
   * the alerts lease cannot start a delivery after another replica took over.
   */
  claim(item: OutboxItem, holder: string, now: number): Promise<ClaimResult>;
  /**
   * Records an attempt in the delivery log; delivered items leave the outbox.
   * A failure reschedules the item only while `holder` still holds its claim
   * (and the lease): a stale holder's failure never moves the new holder's retry.
   */
  recordDelivery(item: OutboxItem, result: DeliveryResult, holder: string): Promise<void>;
  history(limit: number): Promise<AlertHistoryEntry[]>;
  deliveries(limit: number): Promise<DeliveryRecord[]>;
  close(): void;
}
