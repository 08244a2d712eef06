import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// Hourly samples of each team's health KPIs, so a team page can compare with
// the previous period. Dagster keeps no such history; this store starts empty
// and fills as Healthboard runs. Migrations as in the deploy store.

export interface KpiSample {
  team: string;
  at: number;
  owned: number;
  healthy: number;
  stale: number;
  degraded: number;
}

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kpi_samples (
     team TEXT NOT NULL,
     at INTEGER NOT NULL,
     owned INTEGER NOT NULL,
     healthy INTEGER NOT NULL,
     stale INTEGER NOT NULL,
     degraded INTEGER NOT NULL,
     PRIMARY KEY (team, at)
   );`,
];

export class SqliteKpiStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    const current = this.db.pragma("user_version", { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Records a sample unless the team already has one within `minGapMs`. */
  record(sample: KpiSample, minGapMs: number): boolean {
    const last = this.db
      .prepare("SELECT MAX(at) AS at FROM kpi_samples WHERE team = ?")
      .get(sample.team) as {
      at: number | null;
    };
    if (last.at !== null && sample.at - last.at < minGapMs) return false;
    this.db
      .prepare(
        "INSERT OR REPLACE INTO kpi_samples (team, at, owned, healthy, stale, degraded) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(sample.team, sample.at, sample.owned, sample.healthy, sample.stale, sample.degraded);
    return true;
  }

  /** The sample nearest to `at`, if one lies within `toleranceMs` of it. */
  nearest(team: string, at: number, toleranceMs: number): KpiSample | null {
    const row = this.db
      .prepare(
        `SELECT team, at, owned, healthy, stale, degraded FROM kpi_samples
         WHERE team = ? AND at BETWEEN ? AND ? ORDER BY ABS(at - ?) LIMIT 1`,
      )
      .get(team, at - toleranceMs, at + toleranceMs, at) as KpiSample | undefined;
    return row ?? null;
  }

  close(): void {
    this.db.close();
  }
}
