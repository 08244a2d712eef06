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
  outcome: "delivered" | "failed" | "dry-run";
  error: string | null;
}

export interface AlertHistoryEntry {
  incident: string;
  key: string;
  transition: Transition;
  at: number;
  notification: AlertNotification;
}

export type DeliveryResult =
  | { outcome: "delivered" | "dry-run"; at: number }
  | { outcome: "failed"; at: number; error: string; nextAttemptAt: number };

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
    result.outcome === "failed" ? result.error : null,
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
  /** Records an attempt in the delivery log; delivered items leave the outbox. */
  recordDelivery(item: OutboxItem, result: DeliveryResult): Promise<void>;
  history(limit: number): Promise<AlertHistoryEntry[]>;
  deliveries(limit: number): Promise<DeliveryRecord[]>;
  close(): void;
}
