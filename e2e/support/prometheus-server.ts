import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnLogged } from "./spawn-logged";

// A real Prometheus (Debian's package) in a temporary directory, scraping one
// target every second, for the /metrics tests. Started and stopped by the spec.

export interface PrometheusServer {
  url: string;
  /** Instant query over Prometheus' HTTP API: each series' labels and value. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: number }[]>;
  stop(): void;
}

export async function startPrometheus(opts: {
  port: number;
  target: string;
  bearerToken?: string;
}): Promise<PrometheusServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "hb-prometheus-"));
  const auth = opts.bearerToken
    ? (() => {
        writeFileSync(path.join(dir, "token"), opts.bearerToken, { mode: 0o600 });
        return `    authorization: { type: Bearer, credentials_file: ${path.join(dir, "token")} }\n`;
      })()
    : "";
  writeFileSync(
    path.join(dir, "prometheus.yml"),
    `global: { scrape_interval: 1s, evaluation_interval: 1s }
scrape_configs:
  - job_name: healthboard
    metrics_path: /metrics
    static_configs: [{ targets: ["${opts.target}"] }]
${auth}`,
  );
  const server = spawnLogged("/usr/bin/prometheus", [
    `--config.file=${path.join(dir, "prometheus.yml")}`,
    `--storage.tsdb.path=${path.join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${opts.port}`,
    "--log.level=warn",
  ]);
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = () => {
    server.stop();
    // The server writes its data directory while it shuts down: retry the
    // removal (ENOTEMPTY) instead of failing the suite on the race.
    rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`Prometheus exited:\n${server.output()}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      stop();
      throw new Error(`Prometheus on ${opts.port} did not start:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop,
    async query(promql) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as {
        status: string;
        error?: string;
        data: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      if (body.status !== "success") throw new Error(`PromQL ${promql}: ${body.error}`);
      return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
  };
}
