import type Database from "better-sqlite3";
import { openSqlite } from "@/lib/store/open-sqlite";
import type { KpiScopeSample, ScopeCounts } from "./kpi-sampling";
import type { KpiStore } from "./kpi-store-types";

// Hourly samples of each team's health KPIs, so a team page can compare with
// the previous period. Dagster keeps no such history; this store starts empty
// and fills as Healthboard runs. Migrations as in the deploy store: append,
// never edit one that has shipped.
//
// Version 1 kept one team-wide row per sample (kpi_samples); it could not
// answer a location-filtered view nor say which deployments it had counted,
// so it is no longer read (left in place, not migrated: its scope is unknown).
// Version 2 keeps per-(deployment, location) counts and the deployments each
// sample covered.

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
  `CREATE TABLE kpi_sample_coverage (
     team TEXT NOT NULL,
     at INTEGER NOT NULL,
     deployment TEXT NOT NULL,
     live INTEGER NOT NULL,
     PRIMARY KEY (team, at, deployment)
   );
   CREATE TABLE kpi_scope_samples (
     team TEXT NOT NULL,
     at INTEGER NOT NULL,
     deployment TEXT NOT NULL,
     location TEXT NOT NULL,
     owned INTEGER NOT NULL,
     healthy INTEGER NOT NULL,
     stale INTEGER NOT NULL,
     degraded INTEGER NOT NULL,
     PRIMARY KEY (team, at, deployment, location)
   );`,
];

export class SqliteKpiStore implements KpiStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSqlite(file, MIGRATIONS);
  }

  /** Records a sample unless it covers nothing or the team already has one within `minGapMs`. */
  record(sample: KpiScopeSample, minGapMs: number): boolean {
    if (sample.deployments.length === 0) return false;
    const last = this.db
      .prepare("SELECT MAX(at) AS at FROM kpi_sample_coverage WHERE team = ?")
      .get(sample.team) as { at: number | null };
    if (last.at !== null && sample.at - last.at < minGapMs) return false;
    const cover = this.db.prepare(
      "INSERT OR REPLACE INTO kpi_sample_coverage (team, at, deployment, live) VALUES (?, ?, ?, ?)",
    );
    const row = this.db.prepare(
      `INSERT OR REPLACE INTO kpi_scope_samples
       (team, at, deployment, location, owned, healthy, stale, degraded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const d of sample.deployments)
        cover.run(sample.team, sample.at, d.deployment, d.live ? 1 : 0);
      for (const r of sample.rows)
        row.run(
          sample.team,
          sample.at,
          r.deployment,
          r.location,
          r.owned,
          r.healthy,
          r.stale,
          r.degraded,
        );
    })();
    return true;
  }

  /** The team's sample nearest to `at`, if one lies within `toleranceMs` of it. */
  nearest(team: string, at: number, toleranceMs: number): KpiScopeSample | null {
    const hit = this.db
      .prepare(
        `SELECT at FROM kpi_sample_coverage WHERE team = ? AND at BETWEEN ? AND ?
         ORDER BY ABS(at - ?), at LIMIT 1`,
      )
      .get(team, at - toleranceMs, at + toleranceMs, at) as { at: number } | undefined;
    if (!hit) return null;
    const deployments = (
      this.db
        .prepare(
          "SELECT deployment, live FROM kpi_sample_coverage WHERE team = ? AND at = ? ORDER BY deployment",
        )
        .all(team, hit.at) as { deployment: string; live: number }[]
    ).map((d) => ({ deployment: d.deployment, live: d.live === 1 }));
    const rows = this.db
      .prepare(
        `SELECT deployment, location, owned, healthy, stale, degraded FROM kpi_scope_samples
         WHERE team = ? AND at = ? ORDER BY deployment, location`,
      )
      .all(team, hit.at) as ScopeCounts[];
    return { team, at: hit.at, deployments, rows };
  }

  close(): void {
    this.db.close();
  }
}
