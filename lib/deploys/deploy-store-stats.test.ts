import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { deployEvent } from "@/lib/testing/store-fixtures";
import { deployStats } from "./deploy-stats";
import type { DeployEvent } from "./deploy-types";
import { MIGRATIONS, SqliteDeployStore } from "./sqlite-deploy-store";

describe("deployStats", () => {
  const e = (kind: DeployEvent["kind"], at: number): DeployEvent => ({
    deployment: "prod",
    location: "ml",
    kind,
    versionKey: `v${at}`,
    fingerprint: null,
    version: null,
    failed: kind === "deploy_failed",
    error: null,
    at,
  });

  it("computes the success rate over a window, counting only deploys", () => {
    const events = [
      e("observed", 1),
      e("deploy", 10),
      e("deploy_failed", 20),
      e("recovery", 30),
      e("deploy", 30),
      e("deploy", 99),
    ];
    expect(deployStats(events, 5, 50)).toMatchObject({ deploys: 3, failed: 1, successRate: 2 / 3 });
    expect(deployStats(events, 5, 50).lastDeploy?.at).toBe(30);
    expect(deployStats(events, 40, 50)).toMatchObject({
      deploys: 0,
      successRate: null,
      lastDeploy: null,
    });
  });
});

describe("SqliteDeployStore", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const event = deployEvent;

  it("keeps history across a restart, migrated once, in WAL mode", () => {
    dir = mkdtempSync(path.join(tmpdir(), "hb-deploys-"));
    const file = path.join(dir, "nested", "deploys.sqlite");
    const first = new SqliteDeployStore(file);
    first.append([
      event({ kind: "observed", at: 100 }),
      event({
        kind: "deploy_failed",
        versionKey: "v2",
        fingerprint: null,
        version: "abc",
        failed: true,
        error: "boom",
        at: 200,
      }),
      event({ location: "etl", versionKey: "e1", at: 150 }),
    ]);
    first.close();

    const second = new SqliteDeployStore(file);
    expect(second.schemaVersion).toBe(MIGRATIONS.length);
    expect(second.journalMode).toBe("wal");
    // State from the latest row; the fingerprint from the last good load.
    expect(second.lastKnown("prod", "ml")).toEqual({
      versionKey: "v2",
      failed: true,
      fingerprint: "f1",
      version: "abc",
    });
    expect(second.lastKnown("prod", "nope")).toBeNull();
    expect(second.list({ deployment: "prod", location: "ml" })).toMatchObject([
      { kind: "observed", fingerprint: "f1", failed: false },
      { kind: "deploy_failed", fingerprint: null, version: "abc", failed: true, error: "boom" },
    ]);
    expect(second.list({ since: 120, until: 200 }).map((x) => x.location)).toEqual(["etl"]);
    second.close();
  });

  it("reads a history written before fingerprints existed", () => {
    dir = mkdtempSync(path.join(tmpdir(), "hb-deploys-"));
    const file = path.join(dir, "deploys.sqlite");
    // A file as the schema-1 store left it: its first migration only.
    const old = new Database(file);
    old.exec(MIGRATIONS[0] as string);
    old.exec(`INSERT INTO deploy_events (deployment, location, kind, version_key, error, at) VALUES
       ('prod', 'ml', 'observed', 'k1', NULL, 10),
       ('prod', 'etl', 'deploy_failed', 'k2', 'boom', 20);
     PRAGMA user_version = 1;`);
    old.close();

    const store = new SqliteDeployStore(file);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    expect(store.list({})).toMatchObject([
      { location: "ml", kind: "observed", versionKey: "k1", fingerprint: null, failed: false },
      { location: "etl", kind: "deploy_failed", error: "boom", version: null, failed: true },
    ]);
    expect(store.lastKnown("prod", "etl")).toEqual({
      versionKey: "k2",
      failed: true,
      fingerprint: null,
      version: null,
    });
    store.close();
  });
});

describe("SqliteDeployStore annotations", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps CI annotations across a restart and filters them", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "hb-deploys-"));
    const file = path.join(dir, "deploys.sqlite");
    const prod = {
      environment: "prod",
      location: "ml",
      commit: "abc123",
      author: "dana",
      prUrl: "https://github.com/o/r/pull/7",
      message: "retrain",
      at: 200,
    };
    const first = new SqliteDeployStore(file);
    await first.annotate(prod);
    await first.annotate({
      environment: "staging",
      location: "ml",
      commit: "def456",
      author: null,
      prUrl: null,
      message: null,
      at: 100,
    });
    first.close();

    const second = new SqliteDeployStore(file);
    expect((await second.annotations({})).map((a) => a.commit)).toEqual(["def456", "abc123"]);
    expect(await second.annotations({ environment: "prod", location: "ml" })).toEqual([prod]);
    expect(await second.annotations({ since: 150, until: 300, location: "etl" })).toEqual([]);
    second.close();
  });
});
