// N production Healthboards on one PostgreSQL store behind a real nginx, reading
// the workload's dagster-webserver through one counting proxy: the deployment
// docs/replicas.md describes, for benchmarks (bench/load.mjs --replicas).
// PostgreSQL is a throwaway cluster (e2e/support/postgres-server.mjs), so every
// set starts on an empty database.
import path from "node:path";
import { startPostgres } from "../e2e/support/postgres-server.mjs";
import { startCountingProxy } from "./count-proxy.mjs";
import { startNextServer, until, writeBenchConfig } from "./harness.mjs";
import { startNginx } from "./nginx-balancer.mjs";

/**
 * Starts `count` replicas on ports first, first + 1, … and nginx on
 * `balancerPort`, and resolves once the balancer's `/api/health` is 200.
 * `ports.proxy` counts upstream requests; `ports.dagster` is the webserver.
 */
export async function startReplicaSet({
  count,
  out,
  locations,
  refreshSeconds,
  ports,
  leaseSeconds = 15,
}) {
  const pg = await startPostgres();
  const proxy = await startCountingProxy(ports.proxy, ports.dagster);
  const config = writeBenchConfig({
    out,
    locations,
    refreshSeconds,
    proxyPort: ports.proxy,
    extraSections: [
      "store:",
      "  kind: postgres",
      "  urlEnv: HEALTHBOARD_DATABASE_URL",
      `  leaseSeconds: ${leaseSeconds}`,
    ],
  });
  proxy.reset();
  const replicaPorts = Array.from({ length: count }, (_, i) => ports.first + i);
  const replicas = await Promise.all(
    replicaPorts.map(async (port) => ({
      port,
      child: await startNextServer({
        port,
        config,
        dataDir: path.join(out, `hb-data-${port}`),
        env: {
          HEALTHBOARD_DATABASE_URL: pg.url,
          // Node flags for the replicas only (say, a heap limit), not the bench process.
          ...(process.env.REPLICA_NODE_OPTIONS
            ? { NODE_OPTIONS: process.env.REPLICA_NODE_OPTIONS }
            : {}),
        },
        logFile: path.join(out, `healthboard-${port}.log`),
      }),
    })),
  );
  // Enough connections for every tab's documents at once (each holds two).
  const nginx = await startNginx(ports.balancer, replicaPorts, { connections: 8192 });
  for (const { port } of replicas)
    await until(
      `replica ${port} ready`,
      async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok,
      900_000,
    );
  return {
    url: nginx.url,
    nginxErrorLog: nginx.errorLog,
    proxy,
    replicas,
    async stop() {
      await nginx.stop();
      for (const { child } of replicas) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
      }
      await Promise.all(
        replicas.map(
          ({ child }) =>
            child.exitCode === null &&
            new Promise((r) => {
              child.once("exit", r);
              setTimeout(r, 10_000);
            }),
        ),
      );
      await proxy.close();
      await pg.stop();
    },
  };
}
