import { test } from "@playwright/test";
import pg from "pg";
import { type CountingProxy, startCountingProxy } from "../../bench/count-proxy.mjs";
import { type Replica, stopHealthboard } from "./postgres-replicas";
import { startPostgres, type TestPostgres } from "./postgres-server.mjs";

// What both replica specs stand on: a PostgreSQL of their own and a counting
// proxy in front of the shared Dagster (:3071), started before the spec's
// tests and stopped, with every replica the spec started, after them.

const DAGSTER_PORT = 3071;
export const PROXY_PORT = 3201;

export interface ReplicaStack {
  db: TestPostgres;
  proxy: CountingProxy;
  /** Replicas the spec starts: stopped after its tests. */
  replicas: Replica[];
}

export function replicaStack(): ReplicaStack {
  const stack = { replicas: [] as Replica[] } as ReplicaStack;
  test.beforeAll(async () => {
    test.setTimeout(60_000);
    stack.db = await startPostgres();
    stack.proxy = await startCountingProxy(PROXY_PORT, DAGSTER_PORT);
  });
  test.afterAll(async () => {
    for (const r of stack.replicas) stopHealthboard(r.child);
    await stack.proxy?.close();
    await stack.db?.stop();
  });
  return stack;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
