// One gate per deployment, shared by every loop that polls it. Retry-After is
// a promise to the server about the whole client, not one request: once any
// request is told to wait, no request to that deployment leaves until the
// time is up. Failures without Retry-After (5xx and resets after their
// retries, a timeout at once) close the gate for a doubling cool-down. When a closed gate opens, one
// request goes first as a probe; the others wait for its verdict, so a
// struggling Dagster is not hit by every loop at once. Pure: the clock comes in.

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

  succeeded(): void {
    this.failures = 0;
    this.recovering = false;
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
