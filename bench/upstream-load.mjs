// Upstream Dagster requests per refresh with V concurrent viewers (each polls
// what the pages poll: the graph, a team page's data and the overview), against a
// real dagster-webserver loaded with the synthetic workload.
//
//   node bench/upstream-load.mjs --assets 1000 [--viewers 1,50,200] [--seconds 30]
//
// Needs `npm run build` first. Starts its own webserver (:3090), counting proxy
// (:3091) and Healthboard (:3092), and stops them at the end.
import http from "node:http";
import path from "node:path";
import {
  arg,
  assertPortsFree,
  HB,
  LOCATIONS,
  launchChromium,
  pollingViewers,
  ROOT,
  readLcp,
  rssMb,
  shutdown,
  sleep,
  startHealthboard,
  startWorkloadDagster,
} from "./harness.mjs";
import { frameTable, paintTable } from "./lineage-timings.mjs";

const N = Number(arg("assets", "1000"));
const K = LOCATIONS;
const VIEWERS = arg("viewers", "1,50,200").split(",").filter(Boolean).map(Number);
const SECONDS = Number(arg("seconds", "30"));
const ASSET_INTERVAL_S = 10;
const OUT = path.join(ROOT, "bench/.out", `n${N}`);

async function main() {
  await assertPortsFree();
  await startWorkloadDagster({ assets: N, locations: K, out: OUT });
  const { proxy, hb } = await startHealthboard({
    locations: K,
    out: OUT,
    refreshSeconds: ASSET_INTERVAL_S,
  });

  // Cold: 1,000 simultaneous requests while the first cycle is still running.
  const tCold = Date.now();
  const cold = await Promise.all(
    Array.from({ length: 1000 }, () => fetch(`${HB}/api/v1/graph`).then((r) => r.status)),
  );
  const coldMs = Date.now() - tCold;
  console.log(
    `\n1,000 simultaneous cold requests: ${cold.filter((s) => s === 200).length} × 200 in ${coldMs} ms`,
  );
  console.log("upstream requests from boot to the end of the burst:", proxy.snapshot());
  // node:http, not fetch: fetch would undo the gzip and hide its size.
  const size = (encoding) =>
    new Promise((resolve, reject) => {
      const headers = { "accept-encoding": encoding };
      http
        .get(`${HB}/api/v1/graph`, { headers }, (res) => {
          let n = 0;
          res.on("data", (c) => {
            n += c.length;
          });
          res.on("end", () => resolve(n));
        })
        .on("error", reject);
    });
  const raw = await size("identity");
  const gz = await size("gzip");
  console.log(
    `graph payload: ${raw} B raw (${(raw / N).toFixed(1)} B/asset), ${gz} B gzip (${(gz / N).toFixed(1)} B/asset)`,
  );

  const rows = [];
  for (const v of VIEWERS) {
    await sleep(2000);
    proxy.reset();
    const stopAt = Date.now() + SECONDS * 1000;
    const { served, errors } = await pollingViewers(HB, v, stopAt);
    const counts = proxy.snapshot();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const refreshes = SECONDS / ASSET_INTERVAL_S;
    rows.push({
      v,
      served,
      errors,
      total,
      perRefresh: total / refreshes,
      counts,
      rss: rssMb(hb.pid),
    });
    if (v === VIEWERS[VIEWERS.length - 1]) {
      await sleep(15000);
      console.log(
        `Healthboard RSS 15 s after the last viewers stopped: ${rssMb(hb.pid).toFixed(0)} MB`,
      );
    }
  }
  const bound = Math.ceil(N / 250) + K;
  console.log(
    `\nN=${N}, K=${K}, asset refresh every ${ASSET_INTERVAL_S} s, ${SECONDS} s per row; bound ⌈N/250⌉+K = ${bound} (+ constant)`,
  );
  console.log(
    "| viewers | viewer requests | errors | upstream requests | per asset refresh | by operation | Healthboard RSS (MB) |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const ops = Object.entries(r.counts)
      .map(([k, c]) => `${k} ${c}`)
      .join(", ");
    console.log(
      `| ${r.v} | ${r.served} | ${r.errors} | ${r.total} | ${r.perRefresh.toFixed(1)} | ${ops} | ${r.rss.toFixed(0)} |`,
    );
  }
  await pageTimings();
  await graphTimings();
  await proxy.close();
}

/**
 * The lineage figures (bench/lineage-timings.mjs): pan/zoom draw time per frame
 * at three zoom levels, then navigation → painted against the Dagster UI's
 * global asset lineage on the same webserver, both timed by one clock.
 */
async function graphTimings() {
  const browser = await launchChromium();
  try {
    await frameTable(browser, [["this checkout", HB]], N);
    await paintTable(browser, N, 3);
  } finally {
    await browser.close();
  }
}

/** Warm server response time of the team page and its API, and LCP in headless Chromium. */
async function pageTimings() {
  const url = `${HB}/teams/team-00?range=7d`;
  const times = async (target) => {
    const out = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      const r = await fetch(target);
      await r.arrayBuffer();
      out.push(performance.now() - t0);
    }
    out.sort((a, b) => a - b);
    return { p50: out[10], p90: out[18] };
  };
  await fetch(url); // warm
  const page = await times(url);
  const api = await times(`${HB}/api/v1/teams/team-00?range=7d`);
  const browser = await launchChromium();
  const lcps = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(url, { waitUntil: "networkidle" });
    lcps.push(await readLcp(p));
    await ctx.close();
  }
  await browser.close();
  lcps.sort((a, b) => a - b);
  console.log(
    `\nteam page (team-00, ${N} assets in the deployment): server response p50 ${page.p50.toFixed(0)} ms, p90 ${page.p90.toFixed(0)} ms (21 warm requests)`,
  );
  console.log(
    `team API: p50 ${api.p50.toFixed(0)} ms, p90 ${api.p90.toFixed(0)} ms; LCP median of 5 cold contexts: ${lcps[2].toFixed(0)} ms (min ${lcps[0].toFixed(0)}, max ${lcps[4].toFixed(0)})`,
  );
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(shutdown);
