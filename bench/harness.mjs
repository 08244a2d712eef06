// Shared set-up for the benchmarks: a real dagster-webserver loaded with the
// synthetic workload (bench/generate_workload.py), a counting proxy in front of
// it, and a production Healthboard (`npm run build` first) pointed at the proxy.
// Ports: webserver 3090, proxy 3091, Healthboard 3092 (BENCH_PORT_BASE moves them).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startCountingProxy } from "./count-proxy.mjs";

export const ROOT = path.resolve(import.meta.dirname, "..");
const BASE = Number(process.env.BENCH_PORT_BASE ?? 3090);
export const PORTS = { dagster: BASE, proxy: BASE + 1, healthboard: BASE + 2 };
export const HB = `http://127.0.0.1:${PORTS.healthboard}`;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const children = [];

export function start(cmd, args, opts, logFile) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const chunks = [];
  child.stdout.on("data", (c) => chunks.push(c));
  child.stderr.on("data", (c) => chunks.push(c));
  child.output = () => Buffer.concat(chunks).toString("utf8");
  child.on("exit", () => writeFileSync(logFile, Buffer.concat(chunks)));
  children.push(child);
  return child;
}

export async function gql(port, query) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await res.json()).data;
}

export async function until(what, fn, timeoutMs) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if (await fn()) return Date.now() - t0;
    } catch {}
    await sleep(1000);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const rssMb = (pid) =>
  Number(
    execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
      .toString()
      .trim(),
  ) / 1024;

/** RSS (MB) of every process in a process group: `next start` and any worker it forks. */
export function groupRssMb(pgid) {
  let kb = 0;
  for (const line of execFileSync("ps", ["-e", "-o", "pgid=,rss="]).toString().split("\n")) {
    const [group, rss] = line.trim().split(/\s+/).map(Number);
    if (group === pgid) kb += rss;
  }
  return kb / 1024;
}

/**
 * The Accept header of the browser's graph fetches (lib/http/compressed-json.ts):
 * the graph gzipped once per snapshot, not plain JSON gzipped per response.
 */
export const BROWSER_GRAPH_HEADERS = {
  accept: "application/vnd.healthboard.json+gzip, application/json;q=0.9",
};

/**
 * `viewers` API viewers against `base` until `stopAt`: each polls the graph, a
 * team's data and the overview, revalidating with its ETags, then waits a
 * second (the viewers of "Upstream requests per refresh" in BENCHMARKS.md).
 * The graph is asked for as the browser asks for it; `{ plainGraph: true }`
 * asks for plain JSON, as API users (and these viewers before 2026-12-02) do.
 */
export async function pollingViewers(base, viewers, stopAt, { plainGraph = false } = {}) {
  let served = 0;
  let errors = 0;
  /** Errors by URL and status ("no response": the connection failed). */
  const errorKinds = {};
  const fail = (kind) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const viewer = async () => {
    const etags = {};
    while (Date.now() < stopAt) {
      for (const url of ["/api/v1/graph", "/api/v1/teams/team-00?range=7d", "/api/v1/overview"]) {
        try {
          const r = await fetch(`${base}${url}`, {
            headers: {
              ...(url === "/api/v1/graph" && !plainGraph ? BROWSER_GRAPH_HEADERS : {}),
              ...(etags[url] ? { "if-none-match": etags[url] } : {}),
            },
          });
          if (r.status !== 200 && r.status !== 304) fail(`${url.split("?")[0]} ${r.status}`);
          etags[url] = r.headers.get("etag") ?? etags[url];
          await r.arrayBuffer();
          served++;
        } catch {
          fail(`${url.split("?")[0]} no response`);
        }
      }
      await sleep(1000);
    }
  };
  await Promise.all(Array.from({ length: viewers }, viewer));
  return { served, errors, errorKinds };
}

function stopAll(signal) {
  for (const c of children) {
    try {
      process.kill(-c.pid, signal);
    } catch {}
  }
}
process.on("exit", () => stopAll("SIGKILL"));

/** Stops every process group started here, forcing those still alive after 10 s. */
export async function shutdown() {
  stopAll("SIGTERM");
  await sleep(10_000);
  stopAll("SIGKILL");
}

/** Runs a bench's main: errors set the exit code, and every server started here is stopped. */
export function runBench(main) {
  return main()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(shutdown);
}

export async function assertPortsFree(ports = Object.values(PORTS)) {
  for (const port of ports) {
    const busy = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (busy) throw new Error(`port ${port} is in use: stop the previous run first`);
  }
}

/** Generates the N-asset, K-location workload and serves it from a real dagster-webserver. */
export async function startWorkloadDagster({ assets, locations, out }) {
  const workload = path.join(ROOT, "bench/.workloads", `n${assets}`);
  execFileSync(
    path.join(ROOT, ".venv/bin/python"),
    [
      "bench/generate_workload.py",
      "--assets",
      String(assets),
      "--locations",
      String(locations),
      "--out",
      workload,
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  const home = path.join(out, "dagster-home");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, "dagster.yaml"), "telemetry:\n  enabled: false\n");
  // Storage is created once, before any Dagster process opens it, as
  // scripts/dagster-init-home.sh does for the demo and the tests.
  execFileSync("bash", [path.join(ROOT, "scripts/dagster-init-home.sh")], {
    env: { ...process.env, DAGSTER_HOME: home },
    stdio: "inherit",
  });
  const t0 = Date.now();
  start(
    path.join(ROOT, ".venv/bin/dagster-webserver"),
    ["-w", "workspace.yaml", "-h", "127.0.0.1", "-p", String(PORTS.dagster)],
    { cwd: workload, env: { ...process.env, DAGSTER_HOME: home } },
    path.join(out, "webserver.log"),
  );
  await until(
    "all locations loaded",
    async () => {
      const d = await gql(
        PORTS.dagster,
        "{ locationStatusesOrError { ... on WorkspaceLocationStatusEntries { entries { loadStatus } } } }",
      );
      const e = d.locationStatusesOrError.entries;
      return e.length === locations && e.every((x) => x.loadStatus === "LOADED");
    },
    900_000,
  );
  console.log(
    `dagster-webserver loaded ${assets} assets in ${locations} locations in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

/** Code locations (and teams) of the workload; the embeddable team panels. */
export const LOCATIONS = 12;
export const PANELS = [
  "kpis",
  "freshness",
  "failures",
  "dependencies",
  "deploys",
  "execution-times",
  "assets",
];

export const teamSlug = (i) => `team-${String(i).padStart(2, "0")}`;

/** Writes the bench's Healthboard config: one deployment behind the proxy, one team per location. */
export function writeBenchConfig({
  out,
  locations,
  refreshSeconds,
  extraConfig = [],
  extraSections = [],
  proxyPort = PORTS.proxy,
  locationStatusSeconds = 5,
}) {
  const config = path.join(out, "healthboard.yaml");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    config,
    [
      "deployments:",
      `  - { name: bench, kind: oss, graphqlUrl: 'http://127.0.0.1:${proxyPort}/graphql' }`,
      "teams:",
      ...Array.from({ length: locations }, (_, i) => {
        const t = `team_${String(i).padStart(2, "0")}`;
        return `  - { slug: ${teamSlug(i)}, name: ${t}, owners: ['team:${t}'] }`;
      }),
      "refresh:",
      `  locationStatusSeconds: ${locationStatusSeconds}`,
      `  assetStatusSeconds: ${refreshSeconds}`,
      `  runsSeconds: ${refreshSeconds}`,
      "  requestTimeoutSeconds: 60",
      ...extraConfig,
      ...extraSections,
    ].join("\n"),
  );
  return config;
}

/** A production Healthboard (`next start`) on `port`, answering once `/api/v1/deploys` does. */
export async function startNextServer({ port, config, dataDir, env = {}, logFile, nodeArgs = [] }) {
  const child = start(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, HEALTHBOARD_CONFIG: config, HEALTHBOARD_DATA_DIR: dataDir, ...env },
    },
    logFile,
  );
  const url = `http://127.0.0.1:${port}`;
  await until("healthboard up", async () => (await fetch(`${url}/api/v1/deploys`)).ok, 120_000);
  return child;
}

/** The counting proxy and a Healthboard reading the workload through it. */
export async function startHealthboard({
  locations,
  out,
  refreshSeconds,
  extraConfig = [],
  locationStatusSeconds,
}) {
  const proxy = await startCountingProxy(PORTS.proxy, PORTS.dagster);
  const config = writeBenchConfig({
    out,
    locations,
    refreshSeconds,
    extraConfig,
    locationStatusSeconds,
  });
  proxy.reset(); // count everything from Healthboard's boot on
  // PORTS read at call time: a benchmark may move the ports before starting.
  const hb = await startNextServer({
    port: PORTS.healthboard,
    config,
    dataDir: path.join(out, "hb-data"),
    logFile: path.join(out, "healthboard.log"),
  });
  return { proxy, hb };
}

export async function launchChromium() {
  const { chromium } = await import("@playwright/test");
  const launch = (await import("../scripts/chromium.json", { with: { type: "json" } })).default;
  return chromium.launch({ executablePath: launch.executablePath, args: launch.args });
}

export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;

/**
 * Starts a built checkout of another commit (`dir`) on `port`, on the same
 * config and upstream as this checkout's Healthboard, for a before/after in one run.
 * Returns its [label, base URL].
 */
export async function startBeforeHealthboard(dir, port, out, timeoutMs = 60_000) {
  const base = `http://127.0.0.1:${port}`;
  start(
    process.execPath,
    [path.resolve(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: path.resolve(dir),
      env: {
        ...process.env,
        HEALTHBOARD_CONFIG: path.join(out, "healthboard.yaml"),
        HEALTHBOARD_DATA_DIR: path.join(out, "hb-data-before"),
      },
    },
    path.join(out, "healthboard-before.log"),
  );
  await until("before up", async () => (await fetch(`${base}/api/v1/deploys`)).ok, timeoutMs);
  return [`before (${path.basename(path.resolve(dir))})`, base];
}

/** Waits until every Healthboard of `servers` ([label, base] pairs) holds all `assets` in its graph. */
export async function untilGraphsComplete(servers, assets) {
  for (const [, base] of servers) {
    await until(
      "graph complete",
      async () => {
        const r = await fetch(`${base}/api/v1/graph`);
        return r.ok && (await r.json()).keys.length >= assets;
      },
      600_000,
    );
  }
}

/** The LCP of `page` once loaded (the last candidate so far), read with a PerformanceObserver. */
export function readLcp(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1].startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

/**
 * The set-up of a before/after bench: the workload webserver (unless
 * `--dagster-running`: one already serves on the bench's port), this checkout's
 * Healthboard and, with `--before DIR`, a built checkout of another commit on
 * the next port; returns once every Healthboard holds all the assets.
 */
export async function startBeforeAfter(assets, out, label) {
  const before = arg("before", "");
  const reuseDagster = process.argv.includes("--dagster-running");
  mkdirSync(out, { recursive: true }); // startHealthboard writes its config there
  const beforePort = PORTS.healthboard + 1;
  if (reuseDagster) await assertPortsFree([PORTS.proxy, PORTS.healthboard, beforePort]);
  else {
    await assertPortsFree([...Object.values(PORTS), beforePort]);
    await startWorkloadDagster({ assets, locations: LOCATIONS, out });
  }
  const { proxy } = await startHealthboard({ locations: LOCATIONS, out, refreshSeconds: 10 });
  const servers = [[label, HB]];
  if (before) servers.unshift(await startBeforeHealthboard(before, beforePort, out));
  // Every Healthboard holds all N assets before anything is timed (its first snapshot may not).
  await untilGraphsComplete(servers, assets);
  return { proxy, servers };
}
