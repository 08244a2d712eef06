import { BackoffGate } from "@/lib/dagster/backoff-gate";
import type { AlertStore } from "./alert-store";
import { DeliveryError, type Sender } from "./channels/senders";

// Delivers the outbox, one queue per channel. A channel's items go out in
// order; when one fails, that channel alone waits for its back-off gate
// (doubling from 1 s up to a minute) and the item stays in the outbox, so a
// dead channel never delays another and nothing is lost across restarts.
// At-least-once: a crash between sending and recording sends again, with the
// same idempotency key, so receivers can drop the repeat.
// Fenced: each item is claimed in the store before it is sent (with replicas,
// only while this replica holds the alerts lease), and the send is cut off
// when the claim ends, so a replica that lost the lease never starts, nor
// finishes, a delivery after another replica may have taken over.

export interface DispatcherOptions {
  now?: () => number;
  /** Record what would be sent, send nothing. */
  dryRun?: boolean;
  /** Outbox items read per query. */
  batch?: number;
  baseMs?: number;
  maxMs?: number;
  /** This process, as it claims outbox items (the lease holder's name with replicas). */
  holder?: string;
  /** Told of every real attempt (not dry-run): /metrics counts them per channel. */
  onAttempt?: (channel: string, outcome: "delivered" | "failed") => void;
}

/** How soon to look again at a channel whose next item another process has claimed. */
const CLAIMED_RETRY_MS = 5_000;

/** How long items wait for a channel the config does not have before they are rejected. */
export const MISSING_CHANNEL_GRACE_MS = 3_600_000;

export class Dispatcher {
  private readonly draining = new Map<string, Promise<void>>();
  private readonly gates = new Map<string, BackoffGate>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly now: () => number;
  private stopped = false;

  constructor(
    private readonly store: AlertStore,
    private readonly senders: ReadonlyMap<string, Sender>,
    private readonly options: DispatcherOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Drains every channel with undelivered items; resolves when those drains end. */
  async kick(): Promise<void> {
    const channels = await this.store.pendingChannels();
    await Promise.all(channels.map((c) => this.drainChannel(c)));
  }

  /** Why a channel is waiting, and until when (for the alerts page). */
  channelState(channel: string): { waitingUntil: number | null; reason: string | null } {
    const gate = this.gates.get(channel);
    if (!gate || gate.remainingMs() === 0) return { waitingUntil: null, reason: null };
    return { waitingUntil: gate.opensAt, reason: gate.lastReason };
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private gate(channel: string): BackoffGate {
    let gate = this.gates.get(channel);
    if (!gate) {
      gate = new BackoffGate({
        baseMs: this.options.baseMs ?? 1_000,
        maxMs: this.options.maxMs ?? 60_000,
        now: this.now,
      });
      this.gates.set(channel, gate);
    }
    return gate;
  }

  private drainChannel(channel: string): Promise<void> {
    const running = this.draining.get(channel);
    if (running) return running;
    const p = this.drain(channel).finally(() => this.draining.delete(channel));
    this.draining.set(channel, p);
    return p;
  }

  /** Tries the channel again when its gate opens. */
  private retryLater(channel: string, ms: number): void {
    if (this.stopped || this.timers.has(channel)) return;
    const timer = setTimeout(() => {
      this.timers.delete(channel);
      void this.drainChannel(channel).catch(() => undefined);
    }, ms);
    timer.unref?.();
    this.timers.set(channel, timer);
  }

  private async drain(channel: string): Promise<void> {
    const gate = this.gate(channel);
    const sender = this.senders.get(channel);
    const holder = this.options.holder ?? "local";
    while (!this.stopped) {
      const items = await this.store.due(channel, this.now(), this.options.batch ?? 100);
      if (items.length === 0) return;
      for (const item of items) {
        const ticket = gate.tryEnter();
        if (!ticket) return this.retryLater(channel, Math.max(gate.remainingMs(), 100));
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          const claim = await this.store.claim(item, holder, this.now());
          // Lost the lease: the new holder delivers the rest. Another process
          // sending this channel's queue: look again when its claim may have ended.
          if (!claim.ok && claim.reason === "fenced") return;
          if (!claim.ok && claim.reason === "claimed")
            return this.retryLater(channel, CLAIMED_RETRY_MS);
          if (!claim.ok) continue;
          const cutOff = new AbortController();
          timer = setTimeout(
            () => cutOff.abort(new Error("the claim on the item (alerts lease) ended first")),
            Math.max(0, claim.until - this.now()),
          );
          if (this.options.dryRun) {
            await this.store.recordDelivery(item, { outcome: "dry-run", at: this.now() }, holder);
            continue;
          }
          if (!sender) throw new Error(`no channel "${channel}" is configured`);
          await sender.send(item.notification, cutOff.signal);
          gate.succeeded();
          this.options.onAttempt?.(channel, "delivered");
          await this.store.recordDelivery(item, { outcome: "delivered", at: this.now() }, holder);
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          this.options.onAttempt?.(channel, "failed");
          // No such channel for an hour: removed from the config (a replica on an older
          // config, during a rolling update, waits instead of dropping a new channel's items).
          const gone = !sender && this.now() - item.notification.at >= MISSING_CHANNEL_GRACE_MS;
          if (gone || (err instanceof DeliveryError && err.permanent)) {
            // Refused for good: sending it again cannot help, and the channel's queue
            // behind it must not wait on it forever.
            gate.succeeded(); // nothing to back off from
            await this.store.recordDelivery(
              item,
              { outcome: "rejected", at: this.now(), error },
              holder,
            );
            continue;
          }
          gate.failed(ticket, error);
          // A pause the receiver asked for is waited in full, on top of the back-off
          // (a Retry-After of 0 must not mean "again at once", over and over).
          if (err instanceof DeliveryError && err.retryAfterMs !== undefined)
            gate.retryAfter(err.retryAfterMs, error);
          const nextAttemptAt = Math.max(gate.opensAt, this.now());
          await this.store.recordDelivery(
            item,
            { outcome: "failed", at: this.now(), error, nextAttemptAt },
            holder,
          );
          // Order is kept: the rest of this channel's queue waits with it.
          return this.retryLater(channel, gate.remainingMs());
        } finally {
          clearTimeout(timer);
          gate.release(ticket);
        }
      }
    }
  }
}
