import type Database from "better-sqlite3";
import { openSqlite } from "@/lib/store/open-sqlite";
import type {
  AnnotationQuery,
  DeployAnnotation,
  DeployEvent,
  DeployStore,
  KnownLocationState,
  VersionAsset,
  VersionDefinitions,
} from "./deploy-types";

// Deploy history in an embedded SQLite file (WAL, so readers never block the
// collector's writes). Schema changes are numbered migrations tracked in
// PRAGMA user_version; never edit one that has shipped, add the next.

/** Exported so tests can build a file at an older schema version. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE deploy_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     deployment TEXT NOT NULL,
     location TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('observed', 'deploy', 'deploy_failed', 'recovery')),
     version_key TEXT NOT NULL,
     error TEXT,
     at INTEGER NOT NULL
   );
   CREATE INDEX deploy_events_by_location ON deploy_events (deployment, location, at);`,
  // 2: deploys are judged by a code fingerprint, not versionKey. Old rows keep
  // NULL fingerprints (the tracker records one baseline for them) and get
  // `failed` from their kind, which was the only failure marker before.
  `ALTER TABLE deploy_events ADD COLUMN fingerprint TEXT;
   ALTER TABLE deploy_events ADD COLUMN version TEXT;
   ALTER TABLE deploy_events ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
   UPDATE deploy_events SET failed = 1 WHERE kind = 'deploy_failed';`,
  // 3: CI annotations (POST /api/v1/deploys): who deployed which commit. Kept
  // apart from the observed events, which stay what Dagster showed.
  `CREATE TABLE deploy_annotations (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     environment TEXT NOT NULL,
     location TEXT NOT NULL,
     commit_ref TEXT NOT NULL,
     author TEXT,
     pr_url TEXT,
     message TEXT,
     at INTEGER NOT NULL
   );
   CREATE INDEX deploy_annotations_by_location ON deploy_annotations (environment, location, at);`,
  // 4: each version's asset definitions (JSON), once per fingerprint, so a
  // rollback plan names only the consumers of the assets that changed.
  `CREATE TABLE version_definitions (
     deployment TEXT NOT NULL,
     location TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     assets TEXT NOT NULL,
     PRIMARY KEY (deployment, location, fingerprint)
   );`,
];

interface Row {
  deployment: string;
  location: string;
  kind: DeployEvent["kind"];
  version_key: string;
  fingerprint: string | null;
  version: string | null;
  failed: number;
  error: string | null;
  at: number;
}

interface AnnotationRow {
  environment: string;
  location: string;
  commit_ref: string;
  author: string | null;
  pr_url: string | null;
  message: string | null;
  at: number;
}

/** A WHERE clause from the conditions whose value is given. */
function filters(conditions: [string, string | number | undefined][]) {
  const given = conditions.filter(([, v]) => v !== undefined);
  return {
    where: given.length ? `WHERE ${given.map(([c]) => c).join(" AND ")}` : "",
    args: given.map(([, v]) => v as string | number),
  };
}

export class SqliteDeployStore implements DeployStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSqlite(file, MIGRATIONS, { synchronousNormal: true });
  }

  get journalMode(): string {
    return this.db.pragma("journal_mode", { simple: true }) as string;
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  append(events: readonly DeployEvent[]): void {
    if (events.length === 0) return;
    const insert = this.db.prepare(
      `INSERT INTO deploy_events
         (deployment, location, kind, version_key, fingerprint, version, failed, error, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const e of events) {
        insert.run(
          e.deployment,
          e.location,
          e.kind,
          e.versionKey,
          e.fingerprint,
          e.version,
          e.failed ? 1 : 0,
          e.error,
          e.at,
        );
      }
    })();
  }

  lastKnown(deployment: string, location: string): KnownLocationState | null {
    // The latest row gives the state; the latest fingerprint is the last good load's.
    const row = this.db
      .prepare(
        `SELECT version_key, failed, version,
           (SELECT fingerprint FROM deploy_events f
             WHERE f.deployment = e.deployment AND f.location = e.location
               AND f.fingerprint IS NOT NULL ORDER BY f.id DESC LIMIT 1) AS fingerprint
         FROM deploy_events e WHERE deployment = ? AND location = ?
         ORDER BY id DESC LIMIT 1`,
      )
      .get(deployment, location) as
      | Pick<Row, "version_key" | "failed" | "version" | "fingerprint">
      | undefined;
    return row
      ? {
          versionKey: row.version_key,
          failed: row.failed === 1,
          fingerprint: row.fingerprint,
          version: row.version,
        }
      : null;
  }

  async annotate(a: DeployAnnotation): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO deploy_annotations
           (environment, location, commit_ref, author, pr_url, message, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.environment, a.location, a.commit, a.author, a.prUrl, a.message, a.at);
  }

  async annotations(query: AnnotationQuery): Promise<DeployAnnotation[]> {
    const { where, args } = filters([
      ["environment = ?", query.environment],
      ["location = ?", query.location],
      ["at >= ?", query.since],
      ["at < ?", query.until],
    ]);
    const rows = this.db
      .prepare(
        `SELECT environment, location, commit_ref, author, pr_url, message, at
         FROM deploy_annotations ${where} ORDER BY at, id`,
      )
      .all(...args) as AnnotationRow[];
    return rows.map((r) => ({
      environment: r.environment,
      location: r.location,
      commit: r.commit_ref,
      author: r.author,
      prUrl: r.pr_url,
      message: r.message,
      at: r.at,
    }));
  }

  list(query: {
    deployment?: string;
    location?: string;
    since?: number;
    until?: number;
  }): DeployEvent[] {
    const { where, args } = filters([
      ["deployment = ?", query.deployment],
      ["location = ?", query.location],
      ["at >= ?", query.since],
      ["at < ?", query.until],
    ]);
    const sql = `SELECT deployment, location, kind, version_key, fingerprint, version, failed, error, at
      FROM deploy_events ${where} ORDER BY at, id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => ({
      deployment: r.deployment,
      location: r.location,
      kind: r.kind,
      versionKey: r.version_key,
      fingerprint: r.fingerprint,
      version: r.version,
      failed: r.failed === 1,
      error: r.error,
      at: r.at,
    }));
  }

  saveDefinitions(d: VersionDefinitions): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO version_definitions (deployment, location, fingerprint, assets)
         VALUES (?, ?, ?, ?)`,
      )
      .run(d.deployment, d.location, d.fingerprint, JSON.stringify(d.assets));
  }

  definitions(deployment: string, location: string, fingerprint: string): VersionAsset[] | null {
    const row = this.db
      .prepare(
        `SELECT assets FROM version_definitions
         WHERE deployment = ? AND location = ? AND fingerprint = ?`,
      )
      .get(deployment, location, fingerprint) as { assets: string } | undefined;
    return row ? (JSON.parse(row.assets) as VersionAsset[]) : null;
  }

  changeMark(): string {
    const row = this.db
      .prepare(
        `SELECT (SELECT MAX(id) FROM deploy_events) AS events,
           (SELECT MAX(id) FROM deploy_annotations) AS annotations`,
      )
      .get() as { events: number | null; annotations: number | null };
    return `${row.events ?? 0}:${row.annotations ?? 0}`;
  }

  close(): void {
    this.db.close();
  }
}
