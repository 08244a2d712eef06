// HTTP timings of the Compute, Latency and Storage panels and of /metrics
// (issue 15) against a production build: the synthetic N-asset workspace in a
// real dagster-webserver, Healthboard (`next start`) reading it through the
// counting proxy. Per URL: warm (repeated requests, the model cached per
// minute step) and the first request after a change in Dagster (a real run
// materializes one asset; the request is sent as soon as Healthboard's
// /api/health shows the new generation), median and max.
//
//   npx next build && node bench/performance-http.mjs [--assets 25000] [--warm 15] [--changes 3]
//
// Ports 3150 (webserver), 3151 (proxy), 3152 (Healthboard); BENCH_PORT_BASE moves
// them. Everything started here is stopped at the end. The synthetic workspace
// has no run history: the panels' figures are near empty, so this measures the
// route, the model at 25k assets and its encoding; bench/performance-panels.bench.ts
// measures the figures over 30 days of history in process.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import {
  arg,
  assertPortsFree,
  LOCATIONS,
  PORTS,
  ROOT,
  shutdown,
  sleep,
  startHealthboard,
  startWorkloadDagster,
  until,
} from "./harness.mjs";

const N = Number(arg("assets", "25000"));
const WARM = Number(arg("warm", "15"));
const CHANGES = Number(arg("changes", "2"));
const SETTLE_MS = 20_000;
const base = Number(process.env.BENCH_PORT_BASE ?? 3150);
Object.assign(PORTS, { dagster: base, proxy: base + 1, healthboard: base + 2 });
const hb = `http://127.0.0.1:${PORTS.healthboard}`;
const OUT = path.join(ROOT, "bench/.out", `performance-http-n${N}`);
const TEAM = "team-00";

const URLS = [
  ["team API (compute, latency, storage: the panels' data)", `/api/v1/teams/${TEAM}?range=30d`],
  ["embed: Compute", `/embed/teams/${TEAM}/compute?range=30d`],
  ["embed: Latency", `/embed/teams/${TEAM}/latency?range=30d`],
  ["embed: Storage", `/embed/teams/${TEAM}/storage?range=30d`],
  ["/metrics", "/metrics"],
];

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

async function timed(url) {
  const t0 = performance.now();
  const res = await fetch(`${hb}${url}`);
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms, bytes: body.byteLength };
}

const generation = async () =>
  JSON.stringify(
    (await (await fetch(`${hb}/api/health`)).json()).deployments.map((d) => d.generation),
  );

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A real run materializes one asset of team-00's location in Dagster's storage. */
function materialize(key) {
  execFileSync(path.join(ROOT, ".venv/bin/python"), ["bench/materialize_in_storage.py", key], {
    cwd: ROOT,
    env: { ...process.env, DAGSTER_HOME: path.join(OUT, "dagster-home") },
  });
}

async function main() {
  await assertPortsFree(Object.values(PORTS));
  mkdirSync(OUT, { recursive: true });
  console.log(`load average before start: ${load()}`);
  await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
  const { proxy } = await startHealthboard({ locations: LOCATIONS, out: OUT, refreshSeconds: 15 });
  await fetch(`${hb}/api/v1/overview`); // waits for the first statuses
  await until(
    "first history",
    async () => (proxy.counts.get("MaterializationHistory") ?? 0) >= Math.ceil(N / 250),
    1_800_000,
  );
  for (const [, url] of URLS) await timed(url); // everything built once
  const upstreamBefore = [...proxy.counts.values()].reduce((a, b) => a + b, 0);

  const warm = new Map(URLS.map(([label]) => [label, []]));
  for (let i = 0; i < WARM; i++)
    for (const [label, url] of URLS) warm.get(label).push((await timed(url)).ms);
  const sizes = new Map();
  for (const [label, url] of URLS) sizes.set(label, (await timed(url)).bytes);
  console.log(`warm done, load average ${load()}`);

  // After a change: materialize, wait for the new generation, then request at once
  // ("first") or after the figure warmer has had SETTLE_MS to build the snapshot
  // and the shared figures ("settled").
  const first = new Map(URLS.map(([label]) => [label, []]));
  const settled = new Map(URLS.map(([label]) => [label, []]));
  let changed = 0;
  const afterChange = async (url, waitMs) => {
    const before = await generation();
    // Asset i is in location i mod 12: multiples of 12 are team-00's.
    materialize(`team_00/asset_${String(12 * changed++).padStart(5, "0")}`);
    await until("new generation", async () => (await generation()) !== before, 300_000);
    if (waitMs) await sleep(waitMs);
    return (await timed(url)).ms;
  };
  for (let c = 0; c < CHANGES; c++) {
    for (const [label, url] of URLS) {
      first.get(label).push(await afterChange(url, 0));
      settled.get(label).push(await afterChange(url, SETTLE_MS));
    }
  }
  const upstreamAfter = [...proxy.counts.values()].reduce((a, b) => a + b, 0);

  const f = (x) => x.toFixed(0);
  console.log(`\n${N} assets, ${new Date().toISOString()}, load average ${load()}`);
  const stat = (xs) => `${f(median(xs))} / ${f(Math.max(...xs))} (${xs.map(f).join(", ")})`;
  console.log(
    `| URL | warm median / max ms (${WARM}) | first request after a change, median / max ms (each) | after a change, ${SETTLE_MS / 1000} s later (warmer done) | bytes |`,
  );
  console.log("|---|---|---|---|---|");
  for (const [label] of URLS) {
    const w = warm.get(label);
    console.log(
      `| ${label} | ${f(median(w))} / ${f(Math.max(...w))} | ${stat(first.get(label))} | ${stat(settled.get(label))} | ${sizes.get(label)} |`,
    );
  }
  console.log(
    `upstream requests during the measurements (the collectors' own polling, none per viewer): ${upstreamAfter - upstreamBefore}`,
  );
  await shutdown();
}

// The counting proxy keeps the process alive: exit once everything is stopped.
main().then(
  () => process.exit(0),
  async (err) => {
    console.error(err);
    await shutdown();
    process.exit(1);
  },
);
