import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { type CountingProxy, startCountingProxy } from "../bench/count-proxy.mjs";
import { dagsterQuery } from "./support/dagster";
import { startNginx } from "./support/nginx-balancer";
import {
  health,
  killReplica,
  LEASE_SECONDS,
  type Replica,
  replicaConfig,
  startReplica,
  stopHealthboard,
  waitReady,
} from "./support/postgres-replicas";
import { startPostgres, type TestPostgres } from "./support/postgres-server.mjs";

// Several replicas on one PostgreSQL store behind a real nginx, against the
// shared real Dagster (:3071) through a counting proxy. Ground truth comes
// from the proxy's counts, the database's rows and Dagster's own API.
// Ports (this spec's range): 3201 proxy, 3202 nginx, 3203-3208 replicas.

const DAGSTER_PORT = 3071;
const PROXY_PORT = 3201;
const NGINX_PORT = 3202;
const DEPLOY_LOCATION = "finance-reporting";

let db: TestPostgres;
let proxy: CountingProxy;
const replicas: Replica[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  db = await startPostgres();
  proxy = await startCountingProxy(PROXY_PORT, DAGSTER_PORT);
});

test.afterAll(async () => {
  for (const r of replicas) stopHealthboard(r.child);
  await proxy?.close();
  await db?.stop();
});

const total = (p: CountingProxy) => [...p.counts.values()].reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Upstream requests during `ms`. */
async function upstreamDuring(ms: number): Promise<number> {
  const before = total(proxy);
  await sleep(ms);
  return total(proxy) - before;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function assetsOf(url: string): Promise<string> {
  return (await fetch(`${url}/api/v1/assets`)).text();
}

const SWITCHES =
  process.env.HEALTHBOARD_DEMO_SWITCHES ??
  path.join(process.env.DAGSTER_HOME ?? path.resolve(".dagster-home-e2e"), "switches");

/** Sets (or, with null, removes) a location's demo version and reloads it: a deploy. */
async function redeploy(location: string, version: string | null): Promise<void> {
  mkdirSync(SWITCHES, { recursive: true });
  const file = path.join(SWITCHES, `${location}.version`);
  if (version === null) rmSync(file, { force: true });
  else writeFileSync(file, version);
  await dagsterQuery(
    `mutation R($n: String!) { reloadRepositoryLocation(repositoryLocationName: $n) { __typename } }`,
    { n: location },
  );
}

test("two replicas cost Dagster what one does and serve the same figures", async () => {
  test.setTimeout(180_000);
  const config = replicaConfig(PROXY_PORT);
  replicas.push(await startReplica(3203, config, db.url));
  const [a] = replicas as [Replica];
  await waitReady(a.url);
  await sleep(8_000); // past the first cycle and the first runs poll
  // Incremental refresh asks Dagster little while nothing changes, so windows
  // are long enough to hold a countable number of requests.
  const one = await upstreamDuring(25_000);

  replicas.push(await startReplica(3204, config, db.url));
  const b = replicas[1] as Replica;
  await waitReady(b.url);
  await sleep(3_000);
  const two = await upstreamDuring(25_000);
  console.log(`upstream requests in 25 s: one replica ${one}, two replicas ${two}`);
  // Same polling loops, one collector: within timing noise of one replica, far
  // from the 2x that two independent collectors would make.
  expect(one).toBeGreaterThanOrEqual(4);
  expect(two / one).toBeGreaterThan(0.6);
  expect(two / one).toBeLessThan(1.5);

  const collecting = await Promise.all(
    [a, b].map(async (r) => (await health(r.url))?.deployments[0]?.collecting),
  );
  expect(collecting.filter(Boolean)).toHaveLength(1);

  // The follower serves exactly the holder's content (after a notification at most).
  await expect
    .poll(async () => (await assetsOf(a.url)) === (await assetsOf(b.url)), { timeout: 10_000 })
    .toBe(true);
  const body = JSON.parse(await assetsOf(b.url)) as { assets: unknown[] };
  expect(body.assets.length).toBeGreaterThan(5);
});

test("killing the lease holder: the other takes over within the lease period, nginx keeps answering, deploy history has no gap", async () => {
  test.setTimeout(180_000);
  const nginx = await startNginx(NGINX_PORT, [3203, 3204]);
  const versionFile = path.join(SWITCHES, `${DEPLOY_LOCATION}.version`);
  const oldVersion = existsSync(versionFile) ? readFileSync(versionFile, "utf8") : null;
  try {
    const states = await Promise.all(replicas.map(async (r) => ({ r, h: await health(r.url) })));
    const holder = states.find((s) => s.h?.deployments[0]?.collecting)?.r as Replica;
    const follower = states.find((s) => s.r !== holder)?.r as Replica;
    expect(holder).toBeTruthy();
    const before = await query<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM deploy_events WHERE kind = 'observed'",
    );

    // Keep asking through nginx while the holder dies.
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) {
        const res = await fetch(`${nginx.url}/api/v1/overview`).catch(() => null);
        statuses.push(res?.status ?? 0);
        await sleep(100);
      }
    })();

    const killedAt = Date.now();
    killReplica(holder);
    // A deploy while no replica collects: the next holder must record it. The
    // reload runs beside the takeover clock (it can take seconds under load).
    const deploying = redeploy(DEPLOY_LOCATION, `replicas-${Date.now()}`);

    await expect
      .poll(async () => (await health(follower.url))?.deployments[0]?.collecting, {
        timeout: 3 * LEASE_SECONDS * 1000,
        intervals: [100],
      })
      .toBe(true);
    const takeoverMs = Date.now() - killedAt;
    // The dead holder's lease runs out at most one period after its last
    // renewal; the follower tries to take it every third of a period; the probe
    // above sees it within a health request. So: period + a third + 0.5 s.
    expect(takeoverMs).toBeLessThanOrEqual(LEASE_SECONDS * 1000 * (4 / 3) + 500);
    await deploying;

    // The deploy made in the gap is recorded, once (Dagster's reload time stamps it).
    await expect
      .poll(
        async () =>
          (
            await query<{ n: string }>(
              db.url,
              `SELECT count(*) AS n FROM deploy_events WHERE location = '${DEPLOY_LOCATION}'
               AND kind = 'deploy' AND at >= ${killedAt - 1_000}`,
            )
          )[0]?.n,
        { timeout: 20_000 },
      )
      .toBe("1");
    // No second baseline: the new holder continued the history, it did not restart it.
    const after = await query<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM deploy_events WHERE kind = 'observed'",
    );
    expect(after[0]?.n).toBe(before[0]?.n);

    stop = true;
    await load;
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    console.log(
      `takeover after ${takeoverMs} ms; ${statuses.length} requests through nginx, all 200`,
    );
  } finally {
    await nginx.stop();
    // Put the location back as it was.
    await redeploy(DEPLOY_LOCATION, oldVersion);
  }
});

test("three replicas starting together on an empty database migrate once, without error", async () => {
  test.setTimeout(180_000);
  await query(db.url, "CREATE DATABASE fresh");
  const freshUrl = db.url.replace(/\/postgres$/, "/fresh");
  const config = replicaConfig(PROXY_PORT);
  const three = await Promise.all(
    [3205, 3206, 3207].map((port) => startReplica(port, config, freshUrl)),
  );
  replicas.push(...three);
  await Promise.all(three.map((r) => waitReady(r.url)));
  const migrations = await query<{ version: number; applied_by: string }>(
    freshUrl,
    "SELECT version, applied_by FROM schema_migrations ORDER BY version",
  );
  expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  expect(migrations.length).toBeGreaterThanOrEqual(2);
  const logs = three.map((r) => r.output());
  const applied = logs.filter((l) => l.includes("applied store migrations"));
  expect(applied).toHaveLength(1);
  for (const l of logs) expect(l).not.toMatch(/\berror\b/i);
  const collecting = await Promise.all(
    three.map(async (r) => (await health(r.url))?.deployments[0]?.collecting),
  );
  expect(collecting.filter(Boolean)).toHaveLength(1);
});
