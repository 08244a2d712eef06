import type { ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnHealthboard, stopHealthboard } from "./spawn-healthboard";

// Healthboard replicas on a shared PostgreSQL store, polling the real Dagster
// through a counting proxy (bench/count-proxy.mjs).

export const LEASE_SECONDS = 4;

/** A config whose one deployment goes through `dagsterPort` and whose store is PostgreSQL. */
export function replicaConfig(dagsterPort: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "healthboard-replicas-"));
  const file = path.join(dir, "healthboard.yaml");
  writeFileSync(
    file,
    `deployments:
  - name: local
    kind: oss
    graphqlUrl: http://127.0.0.1:${dagsterPort}/graphql
    uiUrl: http://127.0.0.1:3071
teams:
  - slug: analytics
    name: Analytics
    owners: ["team:analytics"]
    locations: [{ deployment: local, location: analytics-team }]
  - slug: ml
    name: ML Platform
    owners: ["team:ml"]
    locations: [{ deployment: local, location: ml-platform }]
  - slug: finance
    name: Finance
    owners: ["team:finance"]
    locations: [{ deployment: local, location: finance-reporting }]
refresh:
  locationStatusSeconds: 1
  assetStatusSeconds: 2
  runsSeconds: 5
store:
  kind: postgres
  urlEnv: HEALTHBOARD_DATABASE_URL
  leaseSeconds: ${LEASE_SECONDS}
`,
  );
  return file;
}

export interface Replica {
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
}

export async function startReplica(port: number, config: string, databaseUrl: string) {
  const started = await spawnHealthboard(port, {
    HEALTHBOARD_CONFIG: config,
    HEALTHBOARD_DATABASE_URL: databaseUrl,
  });
  return { port, ...started } satisfies Replica;
}

export interface Health {
  ready: boolean;
  replica: string | null;
  deployments: { deployment: string; ready: boolean; collecting: boolean; generation: number }[];
}

export async function health(url: string): Promise<Health | null> {
  try {
    const res = await fetch(`${url}/api/health`);
    return (await res.json()) as Health;
  } catch {
    return null;
  }
}

export async function waitReady(url: string, timeoutMs = 60_000): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await health(url);
    if (h?.ready) return h;
    if (Date.now() > deadline) throw new Error(`${url} not ready: ${JSON.stringify(h)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Kills a replica outright (no clean shutdown: its lease is not released). */
export function killReplica(r: Replica): void {
  if (r.child.pid) {
    try {
      process.kill(-r.child.pid, "SIGKILL");
    } catch {}
  }
}

export { stopHealthboard };
