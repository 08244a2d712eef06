import type { Pool } from "pg";

// Numbered schema migrations for the shared PostgreSQL store. Every replica
// runs migrate() at start-up; a session advisory lock serialises them, so
// however many start together each migration is applied exactly once (the
// others wait, then find nothing left to do). Never edit a shipped migration:
// add the next one.

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE deploy_events (
     id BIGSERIAL PRIMARY KEY,
     deployment TEXT NOT NULL,
     location TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('observed', 'deploy', 'deploy_failed', 'recovery')),
     version_key TEXT NOT NULL,
     fingerprint TEXT,
     version TEXT,
     failed BOOLEAN NOT NULL DEFAULT FALSE,
     error TEXT,
     at BIGINT NOT NULL
   );
   CREATE INDEX deploy_events_by_location ON deploy_events (deployment, location, at);
   CREATE INDEX deploy_events_by_time ON deploy_events (at);
   CREATE TABLE kpi_sample_coverage (
     team TEXT NOT NULL,
     at BIGINT NOT NULL,
     deployment TEXT NOT NULL,
     live BOOLEAN NOT NULL,
     PRIMARY KEY (team, at, deployment)
   );
   CREATE TABLE kpi_scope_samples (
     team TEXT NOT NULL,
     at BIGINT NOT NULL,
     deployment TEXT NOT NULL,
     location TEXT NOT NULL,
     owned INTEGER NOT NULL,
     healthy INTEGER NOT NULL,
     stale INTEGER NOT NULL,
     degraded INTEGER NOT NULL,
     PRIMARY KEY (team, at, deployment, location)
   );`,
  // Replicas: one lease per elected task (a deployment's collector, KPI
  // sampling, later alerts), and each deployment's latest published state.
  `CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL,
     acquired_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE published_states (
     deployment TEXT PRIMARY KEY,
     seq BIGINT NOT NULL,
     body BYTEA NOT NULL,
     freshness JSONB NOT NULL,
     publisher TEXT NOT NULL,
     published_at TIMESTAMPTZ NOT NULL
   );`,
  // 3: CI annotations (POST /api/v1/deploys), as SQLite's migration 3.
  `CREATE TABLE deploy_annotations (
     id BIGSERIAL PRIMARY KEY,
     environment TEXT NOT NULL,
     location TEXT NOT NULL,
     commit_ref TEXT NOT NULL,
     author TEXT,
     pr_url TEXT,
     message TEXT,
     at BIGINT NOT NULL
   );
   CREATE INDEX deploy_annotations_by_location ON deploy_annotations (environment, location, at);`,
  // 4: alert state, history, outbox and delivery log, as the SQLite alert
  // store's migration 1 (lib/alerts/sqlite-alert-store.ts), so the replica
  // that takes over the alerts lease resumes where the last holder stopped.
  // Byte-order collation on what is listed in order, as SQLite sorts.
  `CREATE TABLE alert_state (
     fingerprint TEXT COLLATE "C" PRIMARY KEY,
     body JSONB NOT NULL
   );
   CREATE TABLE alert_history (
     id BIGSERIAL PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     incident TEXT NOT NULL,
     transition TEXT NOT NULL,
     at BIGINT NOT NULL,
     body JSONB NOT NULL
   );
   CREATE TABLE alert_outbox (
     id BIGSERIAL PRIMARY KEY,
     key TEXT NOT NULL,
     channel TEXT COLLATE "C" NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at BIGINT NOT NULL,
     delivered_at BIGINT,
     UNIQUE (key, channel)
   );
   CREATE INDEX alert_outbox_due ON alert_outbox (channel, delivered_at, next_attempt_at);
   CREATE TABLE alert_delivery_log (
     id BIGSERIAL PRIMARY KEY,
     key TEXT NOT NULL,
     channel TEXT NOT NULL,
     transition TEXT NOT NULL,
     team TEXT NOT NULL,
     rule TEXT NOT NULL,
     at BIGINT NOT NULL,
     attempt INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     error TEXT
   );`,
  // 5: each version's asset definitions, as SQLite's deploy migration 4.
  `CREATE TABLE version_definitions (
     deployment TEXT NOT NULL,
     location TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     assets JSONB NOT NULL,
     PRIMARY KEY (deployment, location, fingerprint)
   );`,
  // 6: fenced delivery (lib/store/postgres/pg-alert-store.ts): who claimed an
  // outbox item to send it, and until when (the alerts lease's expiry then).
  `ALTER TABLE alert_outbox ADD COLUMN claimed_by TEXT, ADD COLUMN claim_until BIGINT;`,
];

/** Any fixed 64-bit key: the lock only has to be the same in every replica. */
const MIGRATION_LOCK = 7_216_004_161;

/** Applies the migrations not yet applied; returns the versions this call applied. */
export async function migrate(pool: Pool, appliedBy: string): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         applied_by TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT MAX(version) AS v FROM schema_migrations",
    );
    for (let v = (rows[0]?.v ?? 0) + 1; v <= MIGRATIONS.length; v++) {
      await client.query("BEGIN");
      try {
        await client.query(MIGRATIONS[v - 1] as string);
        await client.query("INSERT INTO schema_migrations (version, applied_by) VALUES ($1, $2)", [
          v,
          appliedBy,
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
      applied.push(v);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}
