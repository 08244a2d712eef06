// One gate per deployment, shared by every loop that polls it. Retry-After is
// a promise to the server about the whole client, not one request: once any
// request is told to wait, no request to that deployment leaves until the
// time is up. Failures without Retry-After (5xx and resets after their
// retries, a timeout at once) close the gate for a doubling cool-down. When a closed gate opens, one
// request goes first as a probe; the others wait for its verdict, so a
// struggling Dagster is not hit by every loop at once. An operation that timed
// out is also held on its own (see timedOut). Pure: the clock comes in.

export interface BackoffGateOptions {
  /** Cool-down after the first failure; doubles with each further one. */
  baseMs?: number;
  /** Upper bound of the failure cool-down (Retry-After is never shortened). */
  maxMs?: number;
  now?: () => number;
}

/** Held by a request that was let through; hand it back to `failed` and `release`. */
export interface GateTicket {
  readonly epoch: number;
  readonly probe: boolean;
}

export class BackoffGate {
  private notBefore = 0;
  private failures = 0;
  /** Bumped whenever the gate closes: a failure of a request sent before then says nothing new. */
  private epoch = 0;
  /** Closed since the last success: the next request out is a probe. */
  private recovering = false;
  private probing = false;
  private reason = "";
  /** Per operation name, after its own time-outs: how many in a row, and until when it is held. */
  private readonly held = new Map<string, { timeouts: number; until: number; reason: string }>();
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly now: () => number;

  constructor(options: BackoffGateOptions = {}) {
    this.baseMs = options.baseMs ?? 1_000;
    this.maxMs = options.maxMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until the gate opens (0 when open, even while a probe is out). */
  remainingMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  /** When the gate opens (epoch ms; in the past when it is open). */
  get opensAt(): number {
    return this.notBefore;
  }

  /** Why the gate is closed: the error that closed it. */
  get lastReason(): string {
    return this.reason;
  }

  /** Lets a request through, or returns null while closed or while a probe is out. */
  tryEnter(): GateTicket | null {
    if (this.remainingMs() > 0) return null;
    if (!this.recovering) return { epoch: this.epoch, probe: false };
    if (this.probing) return null;
    this.probing = true;
    return { epoch: this.epoch, probe: true };
  }

  /**
   * May a request that was let through retry? Once the gate is recovering,
   * only one request may: the probe. A request becomes the probe if there is
   * none; any other gives up (the caller keeps its last good data and the
   * next poll tries again), so loops that were in flight together do not all
   * retry together when a Retry-After runs out.
   */
  retryTicket(ticket: GateTicket): GateTicket | null {
    if (ticket.probe || !this.recovering) return ticket;
    if (this.probing) return null;
    this.probing = true;
    return { epoch: ticket.epoch, probe: true };
  }

  /** Every ticket comes back here, whatever happened to its request. */
  release(ticket: GateTicket): void {
    if (ticket.probe) this.probing = false;
  }

  /** An operation held after its own time-outs (until when, and why), or undefined. */
  heldOperation(operation: string): { until: number; reason: string } | undefined {
    const hold = this.held.get(operation);
    return hold && hold.until > this.now() ? hold : undefined;
  }

  /**
   * `operation` timed out. The gate closes too (see failed), but the next
   * success of any other operation opens it at its base cool-down; a query
   * that times out while the others answer would then be sent, and computed
   * in full by Dagster, which does not cancel it (bench/abandoned-queries.mjs),
   * once per poll. So the operation is also held on its own, for a cool-down
   * that doubles with each of its time-outs in a row up to the cap, and only
   * its own success ends.
   */
  timedOut(operation: string, reason: string): void {
    const timeouts = (this.held.get(operation)?.timeouts ?? 0) + 1;
    const holdMs = Math.min(this.maxMs, this.baseMs * 2 ** (timeouts - 1));
    this.held.set(operation, { timeouts, until: this.now() + holdMs, reason });
  }

  /** The deployment answered (`operation`, when named, answered in time). */
  succeeded(operation?: string): void {
    this.failures = 0;
    this.recovering = false;
    if (operation !== undefined) this.held.delete(operation);
  }

  /** The server asked for a pause: honoured in full, whatever the cool-down cap. */
  retryAfter(ms: number, reason: string): void {
    const until = this.now() + ms;
    this.recovering = true;
    if (until > this.notBefore) {
      this.notBefore = until;
      this.reason = reason;
      this.epoch++;
    }
  }

  /**
   * A request gave up (after its own retries, or at once for a timeout).
   * Only the first failure per opening counts, so loops that were in flight
   * together escalate once.
   */
  failed(ticket: GateTicket, reason: string): void {
    this.recovering = true;
    if (ticket.epoch !== this.epoch) return;
    this.failures++;
    const coolDown = Math.min(this.maxMs, this.baseMs * 2 ** (this.failures - 1));
    this.notBefore = Math.max(this.notBefore, this.now() + coolDown);
    this.reason = reason;
    this.epoch++;
  }
}
