#!/usr/bin/env node
// Team page cost before and after caching its version history and promotion
// check (lib/deploys/team-page-reads.ts): two production builds side by side
// against the same Dagster, requests interleaved so both see the same load.
//   node bench/deploys-reads.mjs BEFORE_DIR AFTER_DIR [DAGSTER_URL] [ROUNDS]
// Each dir holds a `next build`. Ports 3173 (before) and 3174 (after).
// HB_BENCH_CONFIG picks the config (default e2e/healthboard.e2e.yaml;
// e2e/healthboard.envs.yaml adds the staging Dagster, so the promotion check runs).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const [before, after, dagster = "http://127.0.0.1:3071", roundsArg = "20"] = process.argv.slice(2);
if (!before || !after) {
  console.error("usage: node bench/deploys-reads.mjs BEFORE_DIR AFTER_DIR [DAGSTER_URL] [ROUNDS]");
  process.exit(2);
}
const rounds = Number(roundsArg);
const home = mkdtempSync(path.join(tmpdir(), "hb-deploys-reads-"));
const config = path.join(home, "healthboard.yaml");
// The e2e config on the given Dagster, without its unreachable deployment, at
// the default refresh pace (a 30 s asset step, as a real install would run).
writeFileSync(
  config,
  readFileSync(path.join(after, process.env.HB_BENCH_CONFIG ?? "e2e/healthboard.e2e.yaml"), "utf8")
    .replaceAll("http://127.0.0.1:3071", dagster)
    .replace(/ {2}- name: offline\n.*\n.*\n/, "")
    .replace("assetStatusSeconds: 2", "assetStatusSeconds: 30"),
);

function start(dir, port) {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      cwd: dir,
      env: {
        ...process.env,
        HEALTHBOARD_CONFIG: config,
        HEALTHBOARD_DATA_DIR: path.join(home, `data-${port}`),
        E2E_DAGSTER_TOKEN: "hb-e2e-secret-token-7f3a9c",
      },
      stdio: "ignore",
      detached: true,
    },
  );
  return { child, url: `http://127.0.0.1:${port}` };
}

async function timed(url) {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const servers = { before: start(before, 3173), after: start(after, 3174) };
try {
  for (const s of Object.values(servers)) {
    for (let i = 0; ; i++) {
      // Ready once the team page renders with data (the first snapshot is in).
      const ok = await fetch(`${s.url}/api/v1/deploys/versions?deployment=local`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 240) throw new Error(`${s.url} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  // analytics reads no other location; finance reads analytics and ml (more history reads).
  const paths = ["/teams/analytics", "/teams/finance", "/api/v1/deploys/versions?deployment=local"];
  const times = {};
  for (const p of paths) for (const k of Object.keys(servers)) times[`${k} ${p}`] = [];
  // Two warm-up rounds (first renders compile nothing in a build, but fill caches).
  for (let round = -2; round < rounds; round++) {
    for (const p of paths) {
      for (const [k, s] of Object.entries(servers)) {
        const ms = await timed(`${s.url}${p}`);
        if (round >= 0) times[`${k} ${p}`].push(ms);
      }
    }
  }
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
  for (const p of paths) {
    const b = median(times[`before ${p}`]);
    const a = median(times[`after ${p}`]);
    console.log(
      `${p}: before ${b.toFixed(1)} ms, after ${a.toFixed(1)} ms (median of ${rounds}), ratio ${(b / a).toFixed(1)}x, load ${load}`,
    );
  }
} finally {
  for (const s of Object.values(servers)) {
    try {
      process.kill(-s.child.pid, "SIGTERM");
    } catch {}
  }
  setTimeout(() => rmSync(home, { recursive: true, force: true }), 1_000);
}
