import type { Pool } from "pg";
import type { KpiScopeSample, ScopeCounts } from "@/lib/history/kpi-sampling";
import type { KpiStore } from "@/lib/history/kpi-store-types";

// KPI samples in the shared PostgreSQL store, answering as the SQLite store
// (lib/history/kpi-store.ts) does. A per-team transaction lock keeps the
// "at most one sample per gap" rule when two replicas record at once.

export class PgKpiStore implements KpiStore {
  constructor(private readonly pool: Pool) {}

  async record(sample: KpiScopeSample, minGapMs: number): Promise<boolean> {
    if (sample.deployments.length === 0) return false;
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('kpi:' || $1))", [sample.team]);
      const { rows } = await client.query<{ at: number | null }>(
        "SELECT MAX(at)::float8 AS at FROM kpi_sample_coverage WHERE team = $1",
        [sample.team],
      );
      const last = rows[0]?.at;
      if (last != null && sample.at - last < minGapMs) {
        await client.query("ROLLBACK");
        return false;
      }
      await client.query(
        `INSERT INTO kpi_sample_coverage (team, at, deployment, live)
         SELECT $1, $2, deployment, live FROM jsonb_to_recordset($3::jsonb)
           AS d(deployment TEXT, live BOOLEAN)
         ON CONFLICT (team, at, deployment) DO UPDATE SET live = EXCLUDED.live`,
        [sample.team, sample.at, JSON.stringify(sample.deployments)],
      );
      await client.query(
        `INSERT INTO kpi_scope_samples (team, at, deployment, location, owned, healthy, stale, degraded)
         SELECT $1, $2, deployment, location, owned, healthy, stale, degraded
         FROM jsonb_to_recordset($3::jsonb) AS r(deployment TEXT, location TEXT,
           owned INTEGER, healthy INTEGER, stale INTEGER, degraded INTEGER)
         ON CONFLICT (team, at, deployment, location) DO UPDATE SET owned = EXCLUDED.owned,
           healthy = EXCLUDED.healthy, stale = EXCLUDED.stale, degraded = EXCLUDED.degraded`,
        [sample.team, sample.at, JSON.stringify(sample.rows)],
      );
      await client.query("COMMIT");
      return true;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async nearest(team: string, at: number, toleranceMs: number): Promise<KpiScopeSample | null> {
    const hit = await this.pool.query<{ at: number }>(
      `SELECT at::float8 AS at FROM kpi_sample_coverage WHERE team = $1 AND at BETWEEN $2 AND $3
       ORDER BY ABS(at - $4), at LIMIT 1`,
      [team, at - toleranceMs, at + toleranceMs, at],
    );
    const found = hit.rows[0];
    if (!found) return null;
    const sampleAt = found.at;
    const [cover, rows] = await Promise.all([
      this.pool.query<{ deployment: string; live: boolean }>(
        "SELECT deployment, live FROM kpi_sample_coverage WHERE team = $1 AND at = $2 ORDER BY deployment",
        [team, sampleAt],
      ),
      this.pool.query<ScopeCounts>(
        `SELECT deployment, location, owned, healthy, stale, degraded FROM kpi_scope_samples
         WHERE team = $1 AND at = $2 ORDER BY deployment, location`,
        [team, sampleAt],
      ),
    ]);
    return { team, at: sampleAt, deployments: cover.rows, rows: rows.rows };
  }

  close(): void {}
}
