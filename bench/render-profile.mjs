// The CPU cost of rendering one HTML document (issue 16: the arrival burst of
// bench/load.mjs is documents, each rendered per request for its CSP nonce).
// Renders embed pages and the team page one at a time against a production
// Healthboard started with Next's CPU profiler, on the synthetic workload, and
// reports per-document time, size, and where the profile's time went.
//
//   node bench/render-profile.mjs [--assets 1000] [--renders 60]
//
// Needs `npx next build` first. Ports 3208 (webserver), 3209 (proxy), 3210
// (Healthboard). Next writes the profile to .next-profiles/.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCountingProxy } from "./count-proxy.mjs";
import {
  arg,
  assertPortsFree,
  LOCATIONS,
  PANELS,
  PORTS,
  percentile,
  ROOT,
  shutdown,
  sleep,
  startNextServer,
  startWorkloadDagster,
  teamSlug,
  writeBenchConfig,
} from "./harness.mjs";

const N = Number(arg("assets", "1000"));
const RENDERS = Number(arg("renders", "60"));
const REFRESH_S = 10;
Object.assign(PORTS, { dagster: 3208, proxy: 3209, healthboard: 3210 });
const OUT = path.join(ROOT, "bench/.out", `render-n${N}`);
// Next's CLI writes the profile to .next-profiles/ whatever the environment says.
const PROFILE_DIR = path.join(ROOT, ".next-profiles");
const hb = `http://127.0.0.1:${PORTS.healthboard}`;

const DOCUMENTS = {
  "embed page": (i) => `/embed/teams/${teamSlug(i % 3)}/${PANELS[i % PANELS.length]}`,
  "team page": (i) => `/teams/${teamSlug(i % 3)}?range=7d`,
};

/** CPU time (user + system, ms) the server process has used so far: load on the machine does not inflate it. */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
};

/**
 * Renders documents one at a time and reports wall time per document (inflated
 * by other load on the machine) and the server's CPU time per document (not).
 */
async function renderEach(kind, url, count, pid) {
  const times = [];
  let bytes = 0;
  const cpu0 = cpuMs(pid);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(`${hb}${url(i)}`);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url(i)}: ${res.status}`);
    times.push(performance.now() - t0);
    bytes += body.byteLength;
  }
  const cpu = (cpuMs(pid) - cpu0) / count;
  times.sort((a, b) => a - b);
  console.log(
    `${kind}: ${count} renders, server CPU ${cpu.toFixed(1)} ms per document, wall p50 ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, mean HTML ${(bytes / count / 1024).toFixed(1)} KB`,
  );
}

const sourceMaps = new Map(); // generated file -> SourceMap (or null)

/** A profile frame's original source file and function, through the build's source maps. */
function original({ url, functionName, lineNumber, columnNumber }) {
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (!sourceMaps.has(file))
    sourceMaps.set(
      file,
      existsSync(`${file}.map`)
        ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")))
        : null,
    );
  const entry = sourceMaps.get(file)?.findEntry(lineNumber, columnNumber);
  const source = entry?.originalSource ?? file;
  const clean = decodeURIComponent(source)
    .replace(/\/__nextjs-internal-proxy.*$/, "")
    .replace(/^.*?(node_modules\/|\.\.\/)+/, "")
    .replace(/^(webpack|turbopack):\/+/, "")
    .replace(/^\[project\]\//, "");
  return { file: clean || functionName, name: entry?.name || functionName || "(anonymous)" };
}

/**
 * Where the profile's time went, by original source file, inclusive (time
 * under any frame of that file), as a share of the busy (non-idle) time.
 */
function summarize(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const files = new Map();
  const functions = new Map();
  let busy = 0;
  for (const [id, us] of self) {
    const leaf = byId.get(id).callFrame.functionName;
    if (leaf === "(idle)" || leaf === "(program)") continue;
    busy += us;
    const seenFiles = new Set();
    const seenFunctions = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const frame = byId.get(n).callFrame;
      if (!frame.url) continue;
      const o = original(frame);
      seenFiles.add(o.file);
      seenFunctions.add(`${o.name} (${o.file})`);
    }
    if (leaf === "(garbage collector)") seenFiles.add("(garbage collector)");
    for (const f of seenFiles) files.set(f, (files.get(f) ?? 0) + us);
    for (const f of seenFunctions) functions.set(f, (functions.get(f) ?? 0) + us);
  }
  const top = (map, n, keep = () => true) =>
    [...map]
      .filter(([k]) => keep(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${((100 * us) / busy).toFixed(1)}%  ${k}`)
      .join("\n");
  console.log(`\nprofile ${path.basename(file)}: ${(busy / 1e6).toFixed(1)} s busy (not idle)`);
  console.log(`inclusive time by source file:\n${top(files, 30)}`);
  const ours = (k) => /\((app|components|lib)\//.test(k);
  console.log(`inclusive time by function of the app:\n${top(functions, 30, ours)}`);
}

async function main() {
  if (process.argv[2] === "--summarize") return summarize(process.argv[3]);
  await assertPortsFree(Object.values(PORTS));
  await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
  const proxy = await startCountingProxy(PORTS.proxy, PORTS.dagster);
  const before = new Set(existsSync(PROFILE_DIR) ? readdirSync(PROFILE_DIR) : []);
  const child = await startNextServer({
    port: PORTS.healthboard,
    config: writeBenchConfig({ out: OUT, locations: LOCATIONS, refreshSeconds: REFRESH_S }),
    dataDir: path.join(OUT, "hb-data"),
    env: { NEXT_CPU_PROF: "1" },
    logFile: path.join(OUT, "healthboard.log"),
  });
  await fetch(`${hb}/api/v1/overview`);
  await sleep(3 * REFRESH_S * 1000); // first collector cycles done
  // Warm every route once, then measure.
  for (const url of Object.values(DOCUMENTS)) await fetch(`${hb}${url(0)}`);
  for (const [kind, url] of Object.entries(DOCUMENTS))
    await renderEach(kind, url, RENDERS, child.pid);
  console.log(`load average: ${execFileSync("uptime").toString().trim()}`);
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  await exited;
  await sleep(1000);
  await proxy.close();
  const profiles = readdirSync(PROFILE_DIR).filter(
    (f) => f.endsWith(".cpuprofile") && !before.has(f),
  );
  for (const f of profiles) summarize(path.join(PROFILE_DIR, f));
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(shutdown);
