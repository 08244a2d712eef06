// Does a Dagster go on computing a query its client has given up on? If it
// does, a client that times a slow query out and sends it again adds to the
// load that made it slow. Sends one of Healthboard's own query documents (a
// page of runs with their step stats, lib/dagster/queries/runs-for-location.graphql)
// to completion and abandoned at a fifth of its own time, N at a time, in
// alternating phases (complete, abandon, abandon, complete), one at a time on
// both sides (after an abort it waits the query's own time, so Dagster never
// runs two), and compares the CPU the Dagster's processes (matched by
// DAGSTER_HOME) spent per query, net of what they spend idle.
//
//   node bench/abandoned-queries.mjs [--dagster http://127.0.0.1:3071] [--home .dagster-home-e2e] [--n 10] [--limit 100]
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CpuLedger, procEnv } from "./proc-cpu.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DAGSTER = arg("dagster", "http://127.0.0.1:3071");
const HOME = realpathSync(path.resolve(root, arg("home", ".dagster-home-e2e")));
const N = Number(arg("n", 10));
const LIMIT = Number(arg("limit", 100));
const document = readFileSync(
  path.join(root, "lib/dagster/queries/runs-for-location.graphql"),
  "utf8",
);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every process of this Dagster (webserver, daemon, code servers), matched by DAGSTER_HOME.
const ledger = new CpuLedger((pid) => (procEnv(pid, "DAGSTER_HOME") === HOME ? "dagster" : null));
/** CPU-seconds used so far by every process of this Dagster. */
const dagsterCpu = () => ledger.sample().total();

/** Sends the query; abandons it after `abortMs` when given. Returns its time, or null if abandoned. */
async function send(abortMs) {
  const started = performance.now();
  try {
    const res = await fetch(`${DAGSTER}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document, variables: { filter: {}, limit: LIMIT } }),
      signal: abortMs ? AbortSignal.timeout(abortMs) : undefined,
    });
    const body = await res.json();
    if (!body.data?.runsOrError?.results)
      throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 200)}`);
    return performance.now() - started;
  } catch (err) {
    if (abortMs && err.name === "TimeoutError") return null;
    throw err;
  }
}

/** CPU-seconds per second while nothing is sent, over `ms`. */
async function idleRate(ms) {
  const before = dagsterCpu();
  await sleep(ms);
  return (dagsterCpu() - before) / (ms / 1000);
}

/** Waits until the Dagster's CPU rate is back within 0.1 s/s of idle (at most 60 s). */
async function quiet(idle) {
  for (let i = 0; i < 60; i++) if ((await idleRate(1_000)) < idle + 0.1) return;
  console.error("warning: the Dagster did not go quiet within 60 s; figures include other work");
}

if (dagsterCpu() === 0) {
  console.error(`no process of a Dagster with DAGSTER_HOME=${HOME} is running`);
  process.exit(1);
}
await send(); // warm caches
const times = [];
for (let i = 0; i < 3; i++) times.push(await send());
const ms = times.sort((a, b) => a - b)[1];
const abortMs = Math.max(20, Math.round(ms / 5));
await sleep(3_000);
await quiet(0.2); // what the timing queries left running
const idle = await idleRate(5_000);

async function phase(abort) {
  await quiet(idle);
  const before = dagsterCpu();
  const started = performance.now();
  let abandoned = 0;
  for (let i = 0; i < N; i++) {
    if ((await send(abort)) === null) {
      abandoned++;
      await sleep(ms); // it runs on in Dagster: not beside the next one
    }
  }
  await quiet(idle); // an abandoned query may still be running
  const wall = (performance.now() - started) / 1000;
  const cpu = dagsterCpu() - before - idle * wall;
  return { cpu, perQuery: cpu / N, abandoned, wall };
}
// Alternated, so a drift in the machine's speed falls on both sides.
const phases = [];
for (const abort of [undefined, abortMs, abortMs, undefined])
  phases.push({ abort, ...(await phase(abort)) });
const sum = (list) =>
  list.reduce((a, p) => ({ cpu: a.cpu + p.cpu, abandoned: a.abandoned + p.abandoned }), {
    cpu: 0,
    abandoned: 0,
  });
const complete = sum(phases.filter((p) => !p.abort));
const cut = sum(phases.filter((p) => p.abort));
complete.perQuery = complete.cpu / (2 * N);
cut.perQuery = cut.cpu / (2 * N);

console.log(
  `Dagster ${DAGSTER} (DAGSTER_HOME=${HOME}), a page of ${LIMIT} runs with step stats, ${2 * N} of each in four phases`,
);
for (const p of phases) {
  const what = p.abort ? `abandoned at ${p.abort} ms` : "completed";
  console.log(`  phase ${what}: ${p.cpu.toFixed(2)} CPU-s net of idle, ${p.abandoned} abandoned`);
}
console.log(
  `one query alone: ${Math.round(ms)} ms (median of 3); idle Dagster: ${idle.toFixed(2)} CPU-s/s`,
);
console.log(`| queries | abandoned | CPU-s net of idle | per query |`);
console.log(`|---|---|---|---|`);
console.log(
  `| sent to completion | 0 | ${complete.cpu.toFixed(2)} | ${complete.perQuery.toFixed(3)} |`,
);
console.log(
  `| abandoned after ${abortMs} ms | ${cut.abandoned} | ${cut.cpu.toFixed(2)} | ${cut.perQuery.toFixed(3)} |`,
);
console.log(
  `an abandoned query cost ${(cut.perQuery / complete.perQuery).toFixed(2)}× a completed one`,
);
