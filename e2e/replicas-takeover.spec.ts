import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { dagsterQuery } from "./support/dagster";
import { startNginx } from "./support/nginx-balancer";
import {
  health,
  killReplica,
  LEASE_SECONDS,
  type Replica,
  replicaConfig,
  startReplica,
  waitReady,
} from "./support/postgres-replicas";
import { PROXY_PORT, query, replicaStack, sleep } from "./support/replica-stack";

// Two replicas on one PostgreSQL store behind a real nginx, against the shared
// real Dagster (:3071) through a counting proxy: the lease holder is killed
// while a location is redeployed. Ground truth comes from the database's rows
// and Dagster's own API. The redeploy changes the shared Dagster: serial.
// (replicas.spec.ts: what replicas cost Dagster, and migrations.)
// Ports (this spec's range): 3201 proxy, 3202 nginx, 3203-3204 replicas.

const NGINX_PORT = 3202;
const DEPLOY_LOCATION = "finance-reporting";

const stack = replicaStack();
const { replicas } = stack;

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

test("killing the lease holder: the other takes over within the lease period, nginx keeps answering, deploy history has no gap", async () => {
  test.setTimeout(180_000);
  const config = replicaConfig(PROXY_PORT);
  // The first replica takes the lease; the second follows it.
  replicas.push(await startReplica(3203, config, stack.db.url));
  await waitReady((replicas[0] as Replica).url);
  replicas.push(await startReplica(3204, config, stack.db.url));
  await waitReady((replicas[1] as Replica).url);
  await expect
    .poll(async () => {
      const collecting = await Promise.all(
        replicas.map(async (r) => (await health(r.url))?.deployments[0]?.collecting),
      );
      return collecting.filter(Boolean).length;
    })
    .toBe(1);
  const nginx = await startNginx(NGINX_PORT, [3203, 3204]);
  const versionFile = path.join(SWITCHES, `${DEPLOY_LOCATION}.version`);
  const oldVersion = existsSync(versionFile) ? readFileSync(versionFile, "utf8") : null;
  try {
    const states = await Promise.all(replicas.map(async (r) => ({ r, h: await health(r.url) })));
    const holder = states.find((s) => s.h?.deployments[0]?.collecting)?.r as Replica;
    const follower = states.find((s) => s.r !== holder)?.r as Replica;
    expect(holder).toBeTruthy();
    const before = await query<{ n: string }>(
      stack.db.url,
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
              stack.db.url,
              `SELECT count(*) AS n FROM deploy_events WHERE location = '${DEPLOY_LOCATION}'
               AND kind = 'deploy' AND at >= ${killedAt - 1_000}`,
            )
          )[0]?.n,
        { timeout: 20_000 },
      )
      .toBe("1");
    // No second baseline: the new holder continued the history, it did not restart it.
    const after = await query<{ n: string }>(
      stack.db.url,
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
