import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnLogged } from "./spawn-logged";

// A real Prometheus Alertmanager (Debian's package) in a temporary directory,
// clustering off, for the alerts suite. Started and stopped by the spec; the
// suite reads alerts back through its API v2, as an operator's tools would.

export interface AmAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  status: { state: string };
}

export interface AlertmanagerServer {
  url: string;
  /** GET /api/v2/alerts: the alerts Alertmanager holds as active (resolved ones drop out). */
  alerts(): Promise<AmAlert[]>;
  stop(): void;
}

export async function startAlertmanager(port: number): Promise<AlertmanagerServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "hb-alertmanager-"));
  writeFileSync(
    path.join(dir, "alertmanager.yml"),
    "route: { receiver: nowhere, group_wait: 1s }\nreceivers: [{ name: nowhere }]\n",
  );
  const server = spawnLogged("/usr/bin/prometheus-alertmanager", [
    `--config.file=${path.join(dir, "alertmanager.yml")}`,
    `--storage.path=${path.join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
    "--log.level=warn",
  ]);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    server.stop();
    // The server writes its data directory while it shuts down: retry the
    // removal (ENOTEMPTY) instead of failing the suite on the race.
    rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      stop();
      throw new Error(`Alertmanager exited:\n${server.output()}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready)
      return {
        url,
        stop,
        alerts: async () => {
          const res = await fetch(`${url}/api/v2/alerts`);
          if (!res.ok) throw new Error(`Alertmanager: HTTP ${res.status}`);
          return (await res.json()) as AmAlert[];
        },
      };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`Alertmanager on ${port} did not start:\n${server.output()}`);
}
