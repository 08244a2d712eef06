import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type TestPostgres } from "@/e2e/support/postgres-server.mjs";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import { SqliteKpiStore } from "@/lib/history/kpi-store";
import { deployEvent, kpiSample } from "@/lib/testing/store-fixtures";
import { MIGRATIONS, migrate } from "./migrations";
import { PgDeployStore } from "./pg-deploy-store";
import { PgKpiStore } from "./pg-kpi-store";

// Against a real PostgreSQL (a throwaway cluster on a Unix socket): the
// shared store must answer exactly as the embedded SQLite one does.

let server: TestPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 12 });
  pool.on("error", () => undefined); // connections cut when the server stops
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

describe("migrate", () => {
  it("applies each migration once when three replicas start together", async () => {
    const results = await Promise.all(["a", "b", "c"].map((id) => migrate(pool, id)));
    const applied = results.flat().sort();
    expect(applied).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const { rows } = await pool.query("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual(applied);
    // A later start finds nothing to do.
    expect(await migrate(pool, "d")).toEqual([]);
  });
});

const event = (over: Partial<DeployEvent>) => deployEvent({ at: 1_764_000_000_000, ...over });

describe("PgDeployStore", () => {
  it("answers as the SQLite store does for the same history", async () => {
    await migrate(pool, "t");
    const pgStore = new PgDeployStore(pool);
    const sqlite = new SqliteDeployStore(":memory:");
    const t = 1_764_000_000_000;
    const history = [
      event({ kind: "observed", at: t }),
      event({ kind: "deploy", versionKey: "v2", fingerprint: "f2", version: "1.1", at: t + 10 }),
      event({
        kind: "deploy_failed",
        versionKey: "v3",
        fingerprint: null,
        failed: true,
        error: "SyntaxError",
        at: t + 20,
      }),
      event({ location: "etl", kind: "observed", at: t + 5 }),
      event({ deployment: "edge", kind: "observed", at: t + 7 }),
    ];
    for (const batch of [history.slice(0, 2), history.slice(2)]) {
      await pgStore.append(batch);
      sqlite.append(batch);
    }
    await pgStore.append([]);
    for (const [d, l] of [
      ["prod", "ml"],
      ["prod", "etl"],
      ["edge", "ml"],
      ["prod", "none"],
    ] as const) {
      expect(await pgStore.lastKnown(d, l)).toEqual(sqlite.lastKnown(d, l));
    }
    // The failing location remembers its last good fingerprint.
    expect((await pgStore.lastKnown("prod", "ml"))?.fingerprint).toBe("f2");
    for (const q of [
      {},
      { deployment: "prod" },
      { deployment: "prod", location: "ml", since: t + 10 },
      { until: t + 10 },
    ]) {
      expect(await pgStore.list(q)).toEqual(sqlite.list(q));
    }
    expect((await pgStore.list({})).length).toBe(history.length);
    sqlite.close();
  });

  it("keeps a version's definitions once per fingerprint, as the SQLite store does", async () => {
    await migrate(pool, "t");
    const pgStore = new PgDeployStore(pool);
    const sqlite = new SqliteDeployStore(":memory:");
    const asset = (name: string, codeVersion: string | null) => ({
      id: JSON.stringify([name]),
      key: [name],
      upstream: [["raw"]],
      isPartitioned: false,
      freshnessPolicy: null,
      codeVersion,
    });
    const first = {
      deployment: "prod",
      location: "ml",
      fingerprint: "f9",
      assets: [asset("a", "1")],
    };
    for (const d of [first, { ...first, assets: [asset("b", "2")] }]) {
      await pgStore.saveDefinitions(d);
      sqlite.saveDefinitions(d);
    }
    // The first kept wins: a fingerprint names one set of definitions.
    expect(await pgStore.definitions("prod", "ml", "f9")).toEqual(first.assets);
    expect(sqlite.definitions("prod", "ml", "f9")).toEqual(first.assets);
    expect(await pgStore.definitions("prod", "etl", "f9")).toBeNull();
    expect(sqlite.definitions("prod", "etl", "f9")).toBeNull();
    // Keeping definitions is no history change; an annotation is.
    const mark = await pgStore.changeMark();
    await pgStore.saveDefinitions({ ...first, fingerprint: "f10" });
    expect(await pgStore.changeMark()).toBe(mark);
    await pgStore.annotate({
      location: "ml",
      environment: "prod",
      commit: "abc",
      author: null,
      prUrl: null,
      message: null,
      at: 1,
    });
    expect(await pgStore.changeMark()).not.toBe(mark);
    sqlite.close();
  });
});

const H = 3_600_000;
const sample = (team: string, at: number) => kpiSample(at, { team });

describe("PgKpiStore", () => {
  it("records and finds samples as the SQLite store does", async () => {
    await migrate(pool, "t");
    const pgStore = new PgKpiStore(pool);
    const sqlite = new SqliteKpiStore(":memory:");
    for (const [at, gap] of [
      [10 * H, H],
      [10 * H + 60_000, H],
      [12 * H, H],
      [12 * H + 1, 0],
    ] as const) {
      expect(await pgStore.record(sample("ml", at), gap)).toBe(
        sqlite.record(sample("ml", at), gap),
      );
    }
    for (const [at, tol] of [
      [10 * H, H],
      [11 * H + 1, H],
      [20 * H, H],
      [0, H],
    ] as const) {
      expect(await pgStore.nearest("ml", at, tol)).toEqual(sqlite.nearest("ml", at, tol));
    }
    expect(await pgStore.record({ ...sample("ml", 30 * H), deployments: [] }, H)).toBe(false);
    sqlite.close();
  });

  it("keeps one sample per gap when two replicas record at once", async () => {
    await migrate(pool, "t");
    const a = new PgKpiStore(pool);
    const b = new PgKpiStore(pool);
    const results = await Promise.all([
      a.record(sample("data", 5 * H), H),
      b.record(sample("data", 5 * H + 1000), H),
      a.record(sample("data", 5 * H + 2000), H),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
