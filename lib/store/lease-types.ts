// Elected tasks across replicas: a deployment's collector, KPI sampling, and
// later the alerts engine each run in one replica at a time, the holder of
// that task's lease. A single instance (the SQLite store) holds every lease.

export interface Leases {
  /** Starts contending for `name` (idempotent); `holdsLease` says when it is won. */
  want(name: string): void;
  /** Whether this replica holds `name` now (false once a renewal is overdue). */
  holdsLease(name: string): boolean;
  /** Called with (name, held) whenever this replica wins or loses a lease. */
  onChange(listener: (name: string, held: boolean) => void): () => void;
  /** Gives up every lease so another replica takes over at once. */
  close(): Promise<void>;
}

/** One instance alone: every lease is its own. */
export class LocalLeases implements Leases {
  private readonly wanted = new Set<string>();
  private readonly listeners = new Set<(name: string, held: boolean) => void>();

  want(name: string): void {
    if (this.wanted.has(name)) return;
    this.wanted.add(name);
    for (const l of this.listeners) l(name, true);
  }

  holdsLease(name: string): boolean {
    return this.wanted.has(name);
  }

  onChange(listener: (name: string, held: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.wanted.clear();
  }
}
