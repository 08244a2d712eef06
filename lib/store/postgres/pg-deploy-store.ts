import type { Pool } from "pg";
import type { DeployEvent, DeployStore, KnownLocationState } from "@/lib/deploys/deploy-types";

// Deploy history in the shared PostgreSQL store: the same rows and answers as
// the SQLite store (lib/deploys/sqlite-deploy-store.ts). Only the replica
// holding a deployment's collector lease appends to it.

// Columns come back under the domain's names; BIGINT times as float8 (exact
// for epoch ms) so they arrive as numbers, not strings.
const EVENT_COLUMNS = `deployment, location, kind, version_key AS "versionKey", fingerprint,
  version, failed, error, at::float8 AS at`;

export class PgDeployStore implements DeployStore {
  constructor(private readonly pool: Pool) {}

  async append(events: readonly DeployEvent[]): Promise<void> {
    if (events.length === 0) return;
    // One statement with the batch as one JSON parameter: it lands whole or not at all.
    await this.pool.query(
      `INSERT INTO deploy_events
         (deployment, location, kind, version_key, fingerprint, version, failed, error, at)
       SELECT deployment, location, kind, "versionKey", fingerprint, version, failed, error, at
       FROM jsonb_to_recordset($1::jsonb) AS e(deployment TEXT, location TEXT, kind TEXT,
         "versionKey" TEXT, fingerprint TEXT, version TEXT, failed BOOLEAN, error TEXT, at BIGINT)`,
      [JSON.stringify(events)],
    );
  }

  async lastKnown(deployment: string, location: string): Promise<KnownLocationState | null> {
    const { rows } = await this.pool.query<KnownLocationState>(
      `SELECT version_key AS "versionKey", failed, version,
         (SELECT fingerprint FROM deploy_events f
           WHERE f.deployment = e.deployment AND f.location = e.location
             AND f.fingerprint IS NOT NULL ORDER BY f.id DESC LIMIT 1) AS fingerprint
       FROM deploy_events e WHERE deployment = $1 AND location = $2
       ORDER BY id DESC LIMIT 1`,
      [deployment, location],
    );
    return rows[0] ?? null;
  }

  async list(query: {
    deployment?: string;
    location?: string;
    since?: number;
    until?: number;
  }): Promise<DeployEvent[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (column: string, op: string, value: string | number | undefined) => {
      if (value === undefined) return;
      args.push(value);
      where.push(`${column} ${op} $${args.length}`);
    };
    add("deployment", "=", query.deployment);
    add("location", "=", query.location);
    add("at", ">=", query.since);
    add("at", "<", query.until);
    const { rows } = await this.pool.query<DeployEvent>(
      `SELECT ${EVENT_COLUMNS} FROM deploy_events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY at, id`,
      args,
    );
    return rows;
  }

  close(): void {
    // The pool belongs to the store set (lib/store/open-stores.ts), which ends it.
  }
}
