// RSS per replica at N assets with V viewers (issue 16): the viewers that
// measured a single instance's 545 MB at 25,000 assets ("Upstream requests per
// refresh", bench/upstream-load.mjs: 1,000 simultaneous cold graph requests,
// then V viewers polling the graph, a team's data and the overview), sent
// through nginx to a set of replicas on one PostgreSQL store
// (bench/replica-set.mjs). Each replica's process group is sampled every 2 s.
//
//   node bench/replica-rss.mjs [--assets 25000] [--replicas 2] [--viewers 200] [--seconds 120]
//     [--dagster-running] [--memory] [--plain]
//
// The cold burst and the viewers ask for the graph as the browser does (its
// gzip representation, BROWSER_GRAPH_HEADERS); `--plain` asks for plain JSON,
// which Next gzips per response (what this bench sent before 2026-12-02).
//
// Needs `npx next build` first. Ports 3211 (webserver), 3212 (proxy), 3213
// (nginx), 3214… (replicas). `--dagster-running`: the workload webserver
// already serves on 3211 (`BENCH_PORT_BASE=3211 node bench/lineage-dagster.mjs
// --assets 25000`), so before/after runs share one. `--set-ports P` (with
// `--dagster-running`) moves proxy, nginx and replicas to P+1, P+2, P+3…, so
// two configurations can run side by side on the same webserver and the same
// machine load (requests served follow the load more than anything else). `--memory`: each replica
// also records process.memoryUsage() (bench/memory-sampler.cjs) and the bench
// prints it at the replica's RSS peak.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  arg,
  assertPortsFree,
  BROWSER_GRAPH_HEADERS,
  groupRssMb,
  LOCATIONS,
  PORTS,
  pollingViewers,
  ROOT,
  runBench,
  sleep,
  startWorkloadDagster,
  until,
} from "./harness.mjs";
import { startReplicaSet } from "./replica-set.mjs";

const N = Number(arg("assets", "25000"));
const COUNT = Number(arg("replicas", "2"));
const VIEWERS = Number(arg("viewers", "200"));
const SECONDS = Number(arg("seconds", "120"));
const REFRESH_S = 10;
const BASE = Number(arg("set-ports", "3211"));
const OUT = path.join(ROOT, "bench/.out", `replica-rss-n${N}${BASE === 3211 ? "" : `-p${BASE}`}`);
const REUSE_DAGSTER = process.argv.includes("--dagster-running");
const MEMORY = process.argv.includes("--memory");
const PLAIN = process.argv.includes("--plain");
const SAMPLES = path.join(OUT, `memory-${Date.now()}`);

/** Pids of a process group (`next start` and any worker it forks). */
const groupPids = (pgid) =>
  execFileSync("ps", ["-e", "-o", "pgid=,pid="])
    .toString()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([group]) => group === pgid)
    .map(([, pid]) => pid);

/** How many times each value occurs. */
function countBy(values) {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);

/** process.memoryUsage() of each process of `pids` at its largest RSS, and its largest external. */
function memoryAtPeak(pids) {
  return pids.flatMap((pid) => {
    const file = path.join(SAMPLES, `mem-${pid}.jsonl`);
    if (!existsSync(file)) return [];
    const rows = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const peak = rows.reduce((a, b) => (b.rss > a.rss ? b : a));
    const external = Math.max(...rows.map((r) => r.external));
    const heapTotal = Math.max(...rows.map((r) => r.heapTotal));
    return [
      `pid ${pid} at its RSS peak: rss ${mb(peak.rss)}, heapTotal ${mb(peak.heapTotal)}, heapUsed ${mb(peak.heapUsed)}, external ${mb(peak.external)} (arrayBuffers ${mb(peak.arrayBuffers)}), rest ${mb(peak.rss - peak.heapTotal - peak.external)}; largest heapTotal ${mb(heapTotal)}, largest external ${mb(external)} MB`,
    ];
  });
}

async function main() {
  const ports = { dagster: 3211, proxy: BASE + 1, balancer: BASE + 2, first: BASE + 3 };
  Object.assign(PORTS, { dagster: ports.dagster, proxy: ports.proxy, healthboard: ports.balancer });
  if (BASE !== 3211 && !REUSE_DAGSTER) throw new Error("--set-ports needs --dagster-running");
  const replicaPorts = Array.from({ length: COUNT }, (_, i) => ports.first + i);
  await assertPortsFree([
    ...(REUSE_DAGSTER ? [] : [3211]),
    ports.proxy,
    ports.balancer,
    ...replicaPorts,
  ]);
  if (!REUSE_DAGSTER) await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
  if (MEMORY) {
    // Inherited by the replicas (startNextServer passes the environment on).
    process.env.MEMORY_SAMPLES_DIR = SAMPLES;
    process.env.REPLICA_NODE_OPTIONS = [
      process.env.REPLICA_NODE_OPTIONS ?? "",
      `--require ${path.join(ROOT, "bench/memory-sampler.cjs")}`,
    ]
      .join(" ")
      .trim();
  }
  const set = await startReplicaSet({
    count: COUNT,
    out: path.join(OUT, `replicas-${COUNT}`),
    locations: LOCATIONS,
    refreshSeconds: REFRESH_S,
    ports,
  });
  // Every replica serves the published snapshot before the viewers come.
  for (const { port } of set.replicas)
    await until(
      `replica ${port} serves the graph`,
      async () => (await fetch(`http://127.0.0.1:${port}/api/v1/graph`)).ok,
      900_000,
    );
  await sleep(3 * REFRESH_S * 1000);
  const samples = set.replicas.map(({ child }) => ({
    before: groupRssMb(child.pid),
    peak: 0,
    end: 0,
  }));
  const sample = () =>
    set.replicas.forEach(({ child }, i) => {
      samples[i].peak = Math.max(samples[i].peak, groupRssMb(child.pid));
    });
  const sampler = setInterval(sample, 2_000);
  set.proxy.reset();

  const t0 = Date.now();
  const cold = await Promise.all(
    Array.from({ length: 1000 }, () =>
      fetch(`${set.url}/api/v1/graph`, { headers: PLAIN ? {} : BROWSER_GRAPH_HEADERS })
        .then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        })
        .catch(() => 0),
    ),
  );
  console.log(
    `1,000 simultaneous graph requests (${PLAIN ? "plain JSON" : "as the browser asks"}): ${cold.filter((s) => s === 200).length} × 200 in ${Date.now() - t0} ms`,
    // The others by status (0: no response).
    countBy(cold.filter((s) => s !== 200)),
  );
  const viewers = await pollingViewers(set.url, VIEWERS, Date.now() + SECONDS * 1000, {
    plainGraph: PLAIN,
  });
  sample();
  clearInterval(sampler);
  set.replicas.forEach(({ child }, i) => {
    samples[i].end = groupRssMb(child.pid);
  });
  const minutes = (Date.now() - t0) / 60_000;
  const counts = set.proxy.snapshot();
  const upstream = Object.values(counts).reduce((a, b) => a + b, 0) / minutes;

  console.log(
    `\n${COUNT} replica(s), N=${N}, ${VIEWERS} viewers for ${SECONDS} s: ${viewers.served} requests served, ${viewers.errors} errors`,
    viewers.errorKinds,
  );
  if (viewers.errors > 0 || cold.some((st) => st !== 200)) {
    // Why nginx answered 502/504: its messages without time, pid and request details.
    const reasons = set
      .nginxErrorLog()
      .split("\n")
      .filter(Boolean)
      .map((line) =>
        line.replace(/^\S+ \S+ \[(\w+)\] [\d#]+: \*\d+ /, "[$1] ").replace(/, client:.*$/, ""),
      );
    console.log("nginx errors by message:", countBy(reasons));
  }
  console.log(`upstream Dagster requests per minute: ${upstream.toFixed(1)}`, counts);
  console.log("| replica | RSS before the viewers (MB) | peak | end |");
  console.log("|---|---|---|---|");
  samples.forEach((s, i) => {
    console.log(
      `| ${i + 1} (:${set.replicas[i].port}) | ${s.before.toFixed(0)} | ${s.peak.toFixed(0)} | ${s.end.toFixed(0)} |`,
    );
  });
  if (MEMORY)
    set.replicas.forEach(({ child }, i) => {
      for (const line of memoryAtPeak(groupPids(child.pid)))
        console.log(`replica ${i + 1}: ${line}`);
    });
  console.log(`load average: ${execFileSync("uptime").toString().trim()}`);
  await set.stop();
}

runBench(main);
