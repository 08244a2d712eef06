// RSS per replica at N assets with V viewers (issue 16): the viewers that
// measured a single instance's 545 MB at 25,000 assets ("Upstream requests per
// refresh", bench/upstream-load.mjs: 1,000 simultaneous cold graph requests,
// then V viewers polling the graph, a team's data and the overview), sent
// through nginx to a set of replicas on one PostgreSQL store
// (bench/replica-set.mjs). Each replica's process group is sampled every 2 s.
//
//   node bench/replica-rss.mjs [--assets 25000] [--replicas 2] [--viewers 200] [--seconds 120]
//
// Needs `npx next build` first. Ports 3211 (webserver), 3212 (proxy), 3213
// (nginx), 3214… (replicas).
import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  arg,
  assertPortsFree,
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
const OUT = path.join(ROOT, "bench/.out", `replica-rss-n${N}`);

async function main() {
  const ports = { dagster: 3211, proxy: 3212, balancer: 3213, first: 3214 };
  Object.assign(PORTS, { dagster: ports.dagster, proxy: ports.proxy, healthboard: ports.balancer });
  await assertPortsFree([3211, 3212, 3213, ...Array.from({ length: COUNT }, (_, i) => 3214 + i)]);
  await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
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
      fetch(`${set.url}/api/v1/graph`)
        .then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        })
        .catch(() => 0),
    ),
  );
  console.log(
    `1,000 simultaneous graph requests: ${cold.filter((s) => s === 200).length} × 200 in ${Date.now() - t0} ms`,
  );
  const viewers = await pollingViewers(set.url, VIEWERS, Date.now() + SECONDS * 1000);
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
  );
  console.log(`upstream Dagster requests per minute: ${upstream.toFixed(1)}`, counts);
  console.log("| replica | RSS before the viewers (MB) | peak | end |");
  console.log("|---|---|---|---|");
  samples.forEach((s, i) => {
    console.log(
      `| ${i + 1} (:${set.replicas[i].port}) | ${s.before.toFixed(0)} | ${s.peak.toFixed(0)} | ${s.end.toFixed(0)} |`,
    );
  });
  console.log(`load average: ${execFileSync("uptime").toString().trim()}`);
  await set.stop();
}

runBench(main);
