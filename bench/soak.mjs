// Soak: Healthboard under a cycle of upstream faults for N minutes, while a few
// viewers poll its pages and APIs. Healthboard issue 7, item 1.
//
//   npx next build            # once; the soak builds nothing
//   node bench/soak.mjs --minutes 10 [--port 3121] [--viewers 4] [--fault-seconds 45] [--pass-seconds 10]
//
// Needs the seeded test Dagster on :3071 (scripts/test.sh starts it) and ports
// 3122/3123 free (the fault proxy and its control server, as in
// e2e/healthboard.faults.yaml). Starts `next start` with that config, warms up,
// takes an RSS baseline, cycles through every fault, lifts the last one,
// settles, and reports: the same server PID throughout (no restart), the count
// of unhandledRejection / uncaughtException lines in the server's output, viewer
// answers >= 500, mutations or subscriptions that reached upstream, and RSS
// baseline vs settled. Writes bench/.out/soak-*.{json,csv,log}; exits 1 on a failed check.

import { spawn } from "node:child_process";
import {
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startControlServer, startFaultProxy } from "../e2e/support/fault-proxy.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "bench/.out");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg("minutes", 10);
const PORT = arg("port", 3121);
const VIEWERS = arg("viewers", 4);
// Long enough for a hanging request to fail at the faults config's 10 s
// request timeout (e2e/healthboard.faults.yaml), and for the cool-down after it.
const FAULT_S = arg("fault-seconds", 45);
const PASS_S = arg("pass-seconds", 10);
const WARMUP_S = arg("warmup-seconds", 60);
const SETTLE_S = arg("settle-seconds", 60);
const RSS_LIMIT = 1.3; // settled RSS may be at most this multiple of the baseline

// The worst first, so even a short soak sees a deployment go down.
const FAULTS = [
  { mode: "down" },
  { mode: "latency", ms: 600 },
  { mode: "timeout" },
  { mode: "status", status: 429, retryAfter: 3 },
  { mode: "status", status: 500 },
  { mode: "status", status: 502 },
  { mode: "status", status: 503 },
  { mode: "reset" },
  { mode: "truncated" },
  { mode: "cut-body" },
  { mode: "malformed" },
  { mode: "graphql-errors" },
];

const VIEWS = [
  "/",
  "/teams/flaky-team",
  "/teams/steady-team",
  "/teams/flaky-team?range=7d",
  "/lineage",
  "/api/v1/overview",
  "/api/v1/teams/flaky-team",
  "/api/v1/teams/steady-team?range=24h",
  "/api/v1/assets",
  "/api/v1/graph",
  "/api/v1/deploys",
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stamp = () => new Date().toISOString().slice(11, 19);
const say = (msg) => console.log(`[${stamp()}] ${msg}`);

function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** Socket inodes listening on `port`, from /proc/net/tcp{,6}. */
function listeningInodes(port) {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const inodes = new Set();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(hex) && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** The PID (the spawned process or one of its descendants) holding the listening socket. */
function listeningPid(port) {
  const inodes = listeningInodes(port);
  const queue = [server.pid];
  while (queue.length) {
    const pid = queue.shift();
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = (() => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`);
          } catch {
            return "";
          }
        })();
        const inode = /socket:\[(\d+)\]/.exec(link)?.[1];
        if (inode && inodes.has(inode)) return pid;
      }
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
      if (children) queue.push(...children.split(/\s+/).map(Number));
    } catch {}
  }
  return null;
}

const median = (xs) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
};

// --- start -----------------------------------------------------------------

mkdirSync(out, { recursive: true });
const dataDir = path.join(out, "soak-data");
rmSync(dataDir, { recursive: true, force: true });
const runId = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const logPath = path.join(out, `soak-${runId}-server.log`);
const serverLog = createWriteStream(logPath);

const proxy = await startFaultProxy({ port: 3122 });
const control = await startControlServer({ port: 3123, proxy });

const server = spawn(
  process.execPath,
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)],
  {
    cwd: root,
    env: {
      ...process.env,
      HEALTHBOARD_CONFIG: "e2e/healthboard.faults.yaml",
      HEALTHBOARD_DATA_DIR: dataDir,
      E2E_DAGSTER_TOKEN: "hb-e2e-secret-token-7f3a9c",
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
let output = "";
const keep = (chunk) => {
  serverLog.write(chunk);
  output += chunk.toString("utf8");
  if (output.length > 4_000_000) output = output.slice(-2_000_000);
};
server.stdout.on("data", keep);
server.stderr.on("data", keep);
let serverExited = null;
server.on("exit", (code, signal) => {
  serverExited = { code, signal, at: stamp() };
  say(`SERVER EXITED code=${code} signal=${signal}`);
});

const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/v1/overview`)).ok) break;
  } catch {}
  if (i > 120 || serverExited) throw new Error("Healthboard did not start");
  await sleep(500);
}
const pid = listeningPid(PORT);
say(`Healthboard up on ${base}, spawned pid ${server.pid}, listening pid ${pid}`);

// --- viewers and RSS sampling ----------------------------------------------

const stats = { requests: 0, byStatus: {}, errors: 0, serverErrors: [] };
let viewing = true;
async function viewer(n) {
  for (let i = n; viewing; i++) {
    const view = VIEWS[i % VIEWS.length];
    try {
      const res = await fetch(`${base}${view}`, { signal: AbortSignal.timeout(20_000) });
      await res.arrayBuffer();
      stats.requests++;
      stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
      if (res.status >= 500) stats.serverErrors.push(`${stamp()} ${res.status} ${view}`);
    } catch (err) {
      stats.errors++;
      stats.serverErrors.push(`${stamp()} fetch failed ${view}: ${err.message}`);
    }
    await sleep(500 + Math.random() * 1_000);
  }
}
const viewers = Array.from({ length: VIEWERS }, (_, n) => viewer(n * 3));

const samples = []; // [t, phase, rssKb]
let phase = "warmup";
const sampler = setInterval(() => samples.push([Date.now(), phase, rssKb(pid)]), 2_000);

// --- the run ---------------------------------------------------------------

const start = Date.now();
const endAt = start + MINUTES * 60_000;
say(`warm-up ${WARMUP_S}s`);
await sleep(WARMUP_S * 1000);
const warm = samples.filter(([t, p]) => p === "warmup" && t > Date.now() - 20_000);
const baselineKb = median(warm.map((s) => s[2]));
say(`baseline RSS ${(baselineKb / 1024).toFixed(1)} MiB`);

const cycled = [];
phase = "faults";
for (let i = 0; Date.now() + (FAULT_S + PASS_S) * 1000 + SETTLE_S * 1000 <= endAt; i++) {
  const fault = FAULTS[i % FAULTS.length];
  say(`fault ${JSON.stringify(fault)}`);
  await proxy.setFault(fault);
  cycled.push(fault.mode === "status" ? `status ${fault.status}` : fault.mode);
  await sleep(FAULT_S * 1000);
  await proxy.setFault({ mode: "pass" });
  await sleep(PASS_S * 1000);
}
phase = "settle";
say(`last fault lifted; settling ${SETTLE_S}s`);
await sleep(Math.max(SETTLE_S * 1000, endAt - Date.now()));
const settled = samples.filter(([t, p]) => p === "settle" && t > Date.now() - 20_000);
const settledKb = median(settled.map((s) => s[2]));

// Recovered: flaky fresh and error-free at the end.
const team = await (await fetch(`${base}/api/v1/teams/flaky-team`)).json();
const flaky = team.freshnessOfData.find((d) => d.deployment === "flaky");

viewing = false;
await Promise.all(viewers);
clearInterval(sampler);
const endPid = listeningPid(PORT);

// --- report ----------------------------------------------------------------

const count = (re) => (output.match(re) ?? []).length;
const upstream = {
  flaky: proxy.totals,
  steady: control.totals,
};
const peakKb = Math.max(...samples.map((s) => s[2]).filter(Number.isFinite));
const report = {
  minutes: MINUTES,
  viewers: VIEWERS,
  faultsCycled: cycled,
  pid: { start: pid, end: endPid, spawned: server.pid, exited: serverExited },
  unhandledRejection: count(/unhandledRejection/g),
  uncaughtException: count(/uncaughtException/g),
  viewerRequests: stats.requests,
  viewerByStatus: stats.byStatus,
  viewerFetchErrors: stats.errors,
  viewerServerErrors: stats.serverErrors.slice(0, 20),
  upstream,
  rssMiB: {
    baseline: +(baselineKb / 1024).toFixed(1),
    peak: +(peakKb / 1024).toFixed(1),
    settled: +(settledKb / 1024).toFixed(1),
    settledOverBaseline: +(settledKb / baselineKb).toFixed(3),
  },
  flakyAtEnd: {
    errors: flaky?.errors,
    locationsAgeMs: flaky?.locationsAsOf ? Date.now() - flaky.locationsAsOf : null,
  },
};
const checks = {
  noRestart: pid !== null && pid === endPid && serverExited === null,
  noUnhandled: report.unhandledRejection === 0 && report.uncaughtException === 0,
  no5xx: stats.serverErrors.length === 0,
  noMutations:
    upstream.flaky.mutation +
      upstream.flaky.subscription +
      upstream.steady.mutation +
      upstream.steady.subscription ===
    0,
  recovered:
    (flaky?.errors?.length ?? 1) === 0 && (report.flakyAtEnd.locationsAgeMs ?? Infinity) < 10_000,
  memorySettled: settledKb <= baselineKb * RSS_LIMIT,
  everyFaultCycled: new Set(cycled).size === FAULTS.length,
};
report.checks = checks;

writeFileSync(path.join(out, `soak-${runId}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  path.join(out, `soak-${runId}-rss.csv`),
  `t_s,phase,rss_mib\n${samples.map(([t, p, kb]) => `${((t - start) / 1000).toFixed(0)},${p},${(kb / 1024).toFixed(1)}`).join("\n")}\n`,
);
console.log(JSON.stringify(report, null, 2));
say(`server log: ${logPath}`);

server.kill("SIGTERM");
await Promise.all([proxy.close(), control.close()]);
serverLog.end();
const failed = Object.entries(checks).filter(([, ok]) => !ok);
if (failed.length) {
  console.error(`FAILED: ${failed.map(([k]) => k).join(", ")}`);
  process.exit(1);
}
say("all checks passed");
process.exit(0);
