import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type TestPostgres } from "@/e2e/support/postgres-server.mjs";
import type { DeploymentState } from "@/lib/collector/deployment-collector";
import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { freshnessOf } from "@/lib/store/state-codec";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, okStatus } from "@/lib/testing/deployment-fixtures";
import { migrate } from "./migrations";
import { PgLeases } from "./pg-leases";
import { PgStateChannel } from "./pg-state-channel";

// Leases and published state against a real PostgreSQL, with short periods.

let server: TestPostgres;
const pools: pg.Pool[] = [];

function newPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on("error", () => undefined);
  pools.push(pool);
  return pool;
}

beforeAll(async () => {
  server = await startPostgres();
  await migrate(newPool(), "test");
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  await server?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await sleep(20);
  }
  return Date.now() - start;
}

describe("PgLeases", () => {
  it("gives a lease to exactly one replica, and to another within one period of the holder's death", async () => {
    const period = 1_500;
    const replicas = ["r1", "r2", "r3"].map((id) => new PgLeases(newPool(), id, period));
    for (const r of replicas) r.want("collector:prod");
    await until(() => replicas.some((r) => r.holdsLease("collector:prod")), 3_000);
    await sleep(period); // several renewal rounds: still exactly one holder
    const holders = replicas.filter((r) => r.holdsLease("collector:prod"));
    expect(holders).toHaveLength(1);
    const dead = holders[0] as PgLeases;
    const rest = replicas.filter((r) => r !== dead);

    // Death: the holder's connections are cut and it renews no more.
    const diedAt = Date.now();
    await pools[replicas.indexOf(dead) + 1]?.end();
    await until(() => rest.some((r) => r.holdsLease("collector:prod")), 2 * period);
    const takeover = Date.now() - diedAt;
    expect(takeover).toBeLessThanOrEqual(period + 300);
    // The dead one stops counting itself as holder by its own clock.
    await until(() => !dead.holdsLease("collector:prod"), period);
    expect(rest.filter((r) => r.holdsLease("collector:prod"))).toHaveLength(1);
    for (const r of replicas) await r.close();
  });

  it("hands a lease over at once on a clean shutdown, and reports the change", async () => {
    const a = new PgLeases(newPool(), "a", 60_000);
    const b = new PgLeases(newPool(), "b", 60_000);
    const seen: [string, boolean][] = [];
    b.onChange((name, held) => seen.push([name, held]));
    a.want("kpis");
    await until(() => a.holdsLease("kpis"), 2_000);
    b.want("kpis");
    await b.tick();
    expect(b.holdsLease("kpis")).toBe(false);
    await a.close();
    await b.tick();
    expect(b.holdsLease("kpis")).toBe(true);
    expect(seen).toEqual([["kpis", true]]);
    await b.close();
  });
});

function state(generation: number, asOf: number): DeploymentState {
  const assets = [def(["orders"], {}), def(["customers"], {})].map(
    (a): [AssetDefinition, AssetStatus] => [a, okStatus(asOf - 1000)],
  );
  return { ...deploymentInput("prod", assets, asOf), generation };
}

describe("PgStateChannel", () => {
  it("publishes only while holding the lease, and wakes followers through NOTIFY", async () => {
    const leaderPool = newPool();
    const leases = new PgLeases(leaderPool, "leader", 10_000);
    const leader = new PgStateChannel(leaderPool, server.url);
    const follower = new PgStateChannel(newPool(), server.url);
    const woken: string[] = [];
    follower.subscribe((d) => woken.push(d));
    await sleep(300); // LISTEN is in place

    const s1 = state(3, 1_764_000_000_000);
    expect(await leader.publish("prod", s1, "collector:prod", "leader")).toBeNull();
    expect(await follower.read("prod", 0)).toBeNull();

    leases.want("collector:prod");
    await until(() => leases.holdsLease("collector:prod"), 2_000);
    const seq1 = await leader.publish("prod", s1, "collector:prod", "leader");
    expect(seq1).toBe(1);
    await until(() => woken.includes("prod"), 2_000);
    const got = await follower.read("prod", 0);
    expect(got?.seq).toBe(1);
    expect(got?.state).toEqual(s1);
    // Nothing new: no body is sent again.
    expect((await follower.read("prod", 1))?.state).toBeUndefined();

    const later = { ...freshnessOf(s1), locationsAsOf: 1_764_000_005_000 };
    await leader.publishFreshness("prod", later);
    const fresh = await follower.read("prod", 1);
    expect(fresh?.freshness).toEqual(later);
    expect(fresh?.seq).toBe(1);

    const seq2 = await leader.publish(
      "prod",
      state(4, 1_764_000_010_000),
      "collector:prod",
      "leader",
    );
    expect(seq2).toBe(2);
    expect((await follower.read("prod", 1))?.state?.statusesAsOf).toBe(1_764_000_010_000);
    await leases.close();
    await leader.close();
    await follower.close();
  });
});
