import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { kpiSample } from "@/lib/testing/store-fixtures";
import { SqliteKpiStore } from "./kpi-store";

const H = 3_600_000;
const dir = mkdtempSync(path.join(tmpdir(), "hb-kpi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = kpiSample;

describe("SqliteKpiStore", () => {
  it("migrates a version-1 file, keeping its old rows, and records per-scope samples", () => {
    const file = path.join(dir, "old.sqlite");
    const old = new Database(file);
    old.exec(`CREATE TABLE kpi_samples (team TEXT NOT NULL, at INTEGER NOT NULL, owned INTEGER NOT NULL,
      healthy INTEGER NOT NULL, stale INTEGER NOT NULL, degraded INTEGER NOT NULL, PRIMARY KEY (team, at));`);
    old.prepare("INSERT INTO kpi_samples VALUES ('ml', 1000, 5, 5, 0, 0)").run();
    old.pragma("user_version = 1");
    old.close();

    const store = new SqliteKpiStore(file);
    expect(store.record(sample(10 * H), H)).toBe(true);
    // The team-wide v1 row has no known scope: it is not offered as a sample.
    expect(store.nearest("ml", 1000, H)).toBeNull();
    expect(store.nearest("ml", 10 * H, 0)).toEqual(sample(10 * H));
    store.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    expect(db.prepare("SELECT COUNT(*) AS n FROM kpi_samples").get()).toEqual({ n: 1 });
    db.close();
  });

  it("returns the nearest sample within the tolerance, per team", () => {
    const store = new SqliteKpiStore(":memory:");
    store.record(sample(10 * H), H);
    store.record(sample(12 * H), H);
    store.record({ ...sample(11 * H), team: "finance" }, H);
    expect(store.nearest("ml", 10.9 * H, H)?.at).toBe(10 * H);
    expect(store.nearest("ml", 11.1 * H, H)?.at).toBe(12 * H);
    expect(store.nearest("ml", 13.5 * H, H)).toBeNull();
    expect(store.nearest("finance", 11 * H, 0)?.team).toBe("finance");
    expect(store.nearest("nobody", 11 * H, 10 * H)).toBeNull();
    store.close();
  });

  it("skips a sample too close to the team's last one, and one that covers nothing", () => {
    const store = new SqliteKpiStore(":memory:");
    expect(store.record(sample(10 * H), H)).toBe(true);
    expect(store.record(sample(10.5 * H), H)).toBe(false);
    expect(store.record(sample(12 * H, { deployments: [], rows: [] }), H)).toBe(false);
    expect(store.record(sample(11 * H), H)).toBe(true);
    store.close();
  });

  it("keeps a sample whose team had no assets as a covered zero", () => {
    const store = new SqliteKpiStore(":memory:");
    store.record(sample(10 * H, { rows: [] }), H);
    expect(store.nearest("ml", 10 * H, 0)).toMatchObject({ rows: [], deployments: [{}, {}] });
    store.close();
  });
});
