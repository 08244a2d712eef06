import pg, { type Pool } from "pg";
import type { DeploymentState } from "@/lib/collector/deployment-collector";
import type { PublishedState, StateChannel } from "@/lib/store/state-channel";
import {
  decodeState,
  encodeState,
  freshnessOf,
  type StateFreshness,
} from "@/lib/store/state-codec";

// Published deployment states in one row per deployment (gzip JSON in a
// BYTEA), and a NOTIFY on each publication that wakes the followers, which
// LISTEN on a dedicated connection (a pooled one may be handed back).

const CHANNEL = "healthboard_state";

export class PgStateChannel implements StateChannel {
  private listener: pg.Client | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
  ) {}

  async publish(
    deployment: string,
    state: DeploymentState,
    lease: string,
    holder: string,
  ): Promise<number | null> {
    const body = encodeState(state);
    const freshness = JSON.stringify(freshnessOf(state));
    const { rows } = await this.pool.query<{ seq: string }>(
      `INSERT INTO published_states AS p (deployment, seq, body, freshness, publisher, published_at)
       SELECT $1, 1, $2, $3, $4, now()
       WHERE EXISTS (SELECT 1 FROM leases WHERE name = $5 AND holder = $4 AND expires_at > now())
       ON CONFLICT (deployment) DO UPDATE SET seq = p.seq + 1, body = EXCLUDED.body,
         freshness = EXCLUDED.freshness, publisher = EXCLUDED.publisher, published_at = now()
       RETURNING seq`,
      [deployment, body, freshness, holder, lease],
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) return null;
    await this.pool.query("SELECT pg_notify($1, $2)", [CHANNEL, deployment]);
    return Number(seq);
  }

  async publishFreshness(deployment: string, freshness: StateFreshness): Promise<void> {
    await this.pool.query("UPDATE published_states SET freshness = $2 WHERE deployment = $1", [
      deployment,
      JSON.stringify(freshness),
    ]);
    await this.pool.query("SELECT pg_notify($1, $2)", [CHANNEL, deployment]);
  }

  async read(deployment: string, knownSeq: number): Promise<PublishedState | null> {
    const { rows } = await this.pool.query<{
      seq: string;
      freshness: StateFreshness;
      body: Buffer | null;
    }>(
      `SELECT seq, freshness, CASE WHEN seq > $2 THEN body END AS body
       FROM published_states WHERE deployment = $1`,
      [deployment, knownSeq],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      seq: Number(row.seq),
      freshness: row.freshness,
      ...(row.body ? { state: decodeState(row.body) } : {}),
    };
  }

  subscribe(listener: (deployment: string) => void): void {
    const connect = () => {
      if (this.closed) return;
      const client = new pg.Client({ connectionString: this.connectionString });
      this.listener = client;
      const retry = () => {
        client.removeAllListeners();
        client.end().catch(() => undefined);
        if (!this.closed) setTimeout(connect, 1_000).unref();
      };
      client.on("notification", (n) => {
        if (n.channel === CHANNEL && n.payload) listener(n.payload);
      });
      client.on("error", retry);
      client.on("end", retry); // the server closed it (a restart): listen again
      client
        .connect()
        .then(() => client.query(`LISTEN ${CHANNEL}`))
        .catch(retry);
    };
    connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
  }
}
