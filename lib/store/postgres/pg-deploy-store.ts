import type { Pool } from "pg";
import type {
  AnnotationQuery,
  DeployAnnotation,
  DeployEvent,
  DeployStore,
  KnownLocationState,
  VersionAsset,
  VersionDefinitions,
} from "@/lib/deploys/deploy-types";

// Deploy history in the shared PostgreSQL store: the same rows and answers as
// the SQLite store (lib/deploys/sqlite-deploy-store.ts). Only the replica
// holding a deployment's collector lease appends to it.

// Columns come back under the domain's names; BIGINT times as float8 (exact
// for epoch ms) so they arrive as numbers, not strings.
const EVENT_COLUMNS = `deployment, location, kind, version_key AS "versionKey", fingerprint,
  version, failed, error, at::float8 AS at`;

/** A WHERE clause with numbered parameters from the conditions whose value is given. */
function filters(conditions: [string, string, string | number | undefined][]) {
  const given = conditions.filter(([, , v]) => v !== undefined);
  return {
    where: given.length
      ? `WHERE ${given.map(([c, op], i) => `${c} ${op} $${i + 1}`).join(" AND ")}`
      : "",
    args: given.map(([, , v]) => v as string | number),
  };
}

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

  async annotate(a: DeployAnnotation): Promise<void> {
    await this.pool.query(
      `INSERT INTO deploy_annotations
         (environment, location, commit_ref, author, pr_url, message, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [a.environment, a.location, a.commit, a.author, a.prUrl, a.message, a.at],
    );
  }

  async annotations(query: AnnotationQuery): Promise<DeployAnnotation[]> {
    const { where, args } = filters([
      ["environment", "=", query.environment],
      ["location", "=", query.location],
      ["at", ">=", query.since],
      ["at", "<", query.until],
    ]);
    const { rows } = await this.pool.query<DeployAnnotation>(
      `SELECT environment, location, commit_ref AS commit, author, pr_url AS "prUrl", message,
         at::float8 AS at
       FROM deploy_annotations ${where} ORDER BY at, id`,
      args,
    );
    return rows;
  }

  async list(query: {
    deployment?: string;
    location?: string;
    since?: number;
    until?: number;
  }): Promise<DeployEvent[]> {
    const { where, args } = filters([
      ["deployment", "=", query.deployment],
      ["location", "=", query.location],
      ["at", ">=", query.since],
      ["at", "<", query.until],
    ]);
    const { rows } = await this.pool.query<DeployEvent>(
      `SELECT ${EVENT_COLUMNS} FROM deploy_events ${where} ORDER BY at, id`,
      args,
    );
    return rows;
  }

  async saveDefinitions(d: VersionDefinitions): Promise<void> {
    await this.pool.query(
      `INSERT INTO version_definitions (deployment, location, fingerprint, assets)
       VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING`,
      [d.deployment, d.location, d.fingerprint, JSON.stringify(d.assets)],
    );
  }

  async definitions(
    deployment: string,
    location: string,
    fingerprint: string,
  ): Promise<VersionAsset[] | null> {
    const { rows } = await this.pool.query<{ assets: VersionAsset[] }>(
      `SELECT assets FROM version_definitions
       WHERE deployment = $1 AND location = $2 AND fingerprint = $3`,
      [deployment, location, fingerprint],
    );
    return rows[0]?.assets ?? null;
  }

  async changeMark(): Promise<string> {
    const { rows } = await this.pool.query<{ mark: string }>(
      `SELECT COALESCE((SELECT MAX(id) FROM deploy_events), 0) || ':' ||
         COALESCE((SELECT MAX(id) FROM deploy_annotations), 0) AS mark`,
    );
    return rows[0]?.mark ?? "0:0";
  }

  close(): void {
    // The pool belongs to the store set (lib/store/open-stores.ts), which ends it.
  }
}
