import { expect, test } from "@playwright/test";
import type { CountingProxy } from "../bench/count-proxy.mjs";
import {
  health,
  type Replica,
  replicaConfig,
  startReplica,
  waitReady,
} from "./support/postgres-replicas";
import { PROXY_PORT, query, replicaStack, sleep } from "./support/replica-stack";

// Several replicas on one PostgreSQL store, against the shared real Dagster
// (:3071) through a counting proxy. Ground truth comes from the proxy's counts
// and the database's rows. Nothing here changes the shared Dagster, so the spec
// runs beside the read-only ones; the takeover, which redeploys a location, is
// replicas-takeover.spec.ts (serial).
// Ports (this spec's range): 3201 proxy, 3203-3207 replicas.

const stack = replicaStack();
const { replicas } = stack;

test.describe.configure({ mode: "serial" });

const total = (p: CountingProxy) => [...p.counts.values()].reduce((a, b) => a + b, 0);

/** Upstream requests during `ms`. */
async function upstreamDuring(ms: number): Promise<number> {
  const before = total(stack.proxy);
  await sleep(ms);
  return total(stack.proxy) - before;
}

async function assetsOf(url: string): Promise<string> {
  return (await fetch(`${url}/api/v1/assets`)).text();
}

test("two replicas cost Dagster what one does and serve the same figures", async () => {
  // 1.5 min here, 1.7 min on the CI machine (3 December).
  test.setTimeout(360_000);
  const config = replicaConfig(PROXY_PORT);
  replicas.push(await startReplica(3203, config, stack.db.url));
  const [a] = replicas as [Replica];
  await waitReady(a.url);
  await sleep(8_000); // past the first cycle and the first runs poll
  // Incremental refresh asks Dagster little while nothing changes, so windows
  // are long enough to hold a countable number of requests.
  const one = await upstreamDuring(25_000);

  replicas.push(await startReplica(3204, config, stack.db.url));
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

test("three replicas starting together on an empty database migrate once, without error", async () => {
  test.setTimeout(180_000);
  await query(stack.db.url, "CREATE DATABASE fresh");
  const freshUrl = stack.db.url.replace(/\/postgres$/, "/fresh");
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
