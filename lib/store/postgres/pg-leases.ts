import type { Pool } from "pg";
import type { Leases } from "@/lib/store/lease-types";

// Leases as rows with an expiry in PostgreSQL's clock (replicas' clocks may
// differ). The holder renews every third of the period; anyone may take a
// lease whose expiry has passed. A holder that dies stops renewing, so its
// lease expires at most one period after its last renewal and another replica
// (trying every third of a period) takes over within one period of the death.
// Locally a lease counts as held only until its period, measured from before
// the renewal was sent, runs out: a replica that cannot reach the database
// stops acting before anyone else may start.

const ACQUIRE = `
  INSERT INTO leases (name, holder, expires_at, acquired_at)
  VALUES ($1, $2, now() + $3 * interval '1 millisecond', now())
  ON CONFLICT (name) DO UPDATE SET
    holder = EXCLUDED.holder,
    expires_at = EXCLUDED.expires_at,
    acquired_at = CASE WHEN leases.holder = EXCLUDED.holder
                       THEN leases.acquired_at ELSE EXCLUDED.acquired_at END
  WHERE leases.holder = EXCLUDED.holder OR leases.expires_at < now()
  RETURNING holder`;

export class PgLeases implements Leases {
  /** Per wanted lease: local time until which it counts as held (0: not held). */
  private readonly heldUntil = new Map<string, number>();
  private readonly listeners = new Set<(name: string, held: boolean) => void>();
  /** What listeners were last told, per lease. */
  private readonly reported = new Map<string, boolean>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    readonly holder: string,
    readonly periodMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  want(name: string): void {
    if (this.heldUntil.has(name) || this.closed) return;
    this.heldUntil.set(name, 0);
    void this.tick();
  }

  holdsLease(name: string): boolean {
    return (this.heldUntil.get(name) ?? 0) > this.now();
  }

  onChange(listener: (name: string, held: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One round: renew or try to take every wanted lease. Exposed for tests. */
  tick(): Promise<void> {
    // One round at a time: a round still in flight (say, from want()) that
    // landed after a later one could renew a lease this replica already gave
    // up on, or take back one another replica just took.
    this.round ??= this.runRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async runRound(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.heldUntil.keys()].map((name) => this.attempt(name)));
    if (!this.closed)
      this.timer = setTimeout(() => void this.tick(), Math.max(200, this.periodMs / 3)).unref();
  }

  private async attempt(name: string): Promise<void> {
    const sentAt = this.now();
    try {
      const { rows } = await this.pool.query(ACQUIRE, [name, this.holder, this.periodMs]);
      if (this.closed) return;
      // Won or renewed: held for one period counted from before the request.
      // Refused: another replica holds it (if we thought we did, it expired).
      this.heldUntil.set(name, rows.length === 1 ? sentAt + this.periodMs : 0);
    } catch {
      // Unreachable database: what we had lasts until its local expiry.
    }
    const held = this.holdsLease(name);
    if (held !== (this.reported.get(name) ?? false)) {
      this.reported.set(name, held);
      for (const l of this.listeners) l(name, held);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const names = [...this.heldUntil.keys()];
    this.heldUntil.clear();
    if (names.length > 0)
      await this.pool
        .query("DELETE FROM leases WHERE holder = $1 AND name = ANY($2)", [this.holder, names])
        .catch(() => undefined);
  }
}
