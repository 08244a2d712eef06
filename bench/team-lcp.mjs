// The team page's request → first paint at N assets (issue 17: LCP ≤ 1.0 s in
// every one of 5 cold runs at 10,000), for this checkout and optionally a built
// checkout of another commit (`--before DIR`), in one run:
//   - server, warm: time to the first byte, to the heading's bytes (the first
//     screen) and to the last byte of the document, and its size;
//   - per cold run (a new browser context each time, the builds taking turns
//     first): the LCP read with a PerformanceObserver, its element, and the
//     document's navigation timing.
//
//   BENCH_PORT_BASE=3150 node bench/team-lcp.mjs --assets 10000 --runs 5 --before DIR
//
// Needs `npx next build` first (and in DIR). Ports: BENCH_PORT_BASE + 0..3
// (webserver, counting proxy, this checkout, the before checkout).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  arg,
  assertPortsFree,
  HB,
  LOCATIONS,
  launchChromium,
  PORTS,
  ROOT,
  runBench,
  startBeforeHealthboard,
  startHealthboard,
  startWorkloadDagster,
  until,
} from "./harness.mjs";

const N = Number(arg("assets", "10000"));
const RUNS = Number(arg("runs", "5"));
const BEFORE = arg("before", "");
const PAGE = arg("page", "/teams/team-00?range=7d");
const OUT = path.join(ROOT, "bench/.out", `team-lcp-n${N}`);
const load = () => execFileSync("uptime").toString().trim();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Warm document: first byte, heading bytes, last byte (ms, median of n after one), size (kB). */
async function documentTimings(url, n = 7) {
  await (await fetch(url)).arrayBuffer();
  const rows = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const first = performance.now() - t0;
    const decoder = new TextDecoder();
    let text = "";
    let heading = Number.NaN;
    for await (const chunk of res.body) {
      text += decoder.decode(chunk, { stream: true });
      if (Number.isNaN(heading) && text.includes("<h1")) heading = performance.now() - t0;
    }
    rows.push({ first, heading, total: performance.now() - t0, kb: text.length / 1024 });
  }
  const m = (k) => median(rows.map((r) => r[k]));
  return { first: m("first"), heading: m("heading"), total: m("total"), kb: m("kb") };
}

/** One cold load: LCP (the last candidate once the network is idle), its element, navigation timing. */
async function coldLcp(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const e = list.getEntries().at(-1);
            const el = e.element;
            const nav = performance.getEntriesByType("navigation")[0];
            resolve({
              lcp: e.startTime,
              element: el
                ? `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 30)}"`
                : "(removed)",
              firstByte: nav.responseStart,
              lastByte: nav.responseEnd,
              kb: nav.transferSize / 1024,
            });
          }).observe({ type: "largest-contentful-paint", buffered: true });
        }),
    );
  } finally {
    await ctx.close();
  }
}

async function untilGraphComplete(base) {
  await until(
    "graph complete",
    async () => {
      const r = await fetch(`${base}/api/v1/graph`);
      return r.ok && (await r.json()).keys.length >= N;
    },
    600_000,
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await assertPortsFree([...Object.values(PORTS), PORTS.healthboard + 1]);
  await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
  const { proxy } = await startHealthboard({ locations: LOCATIONS, out: OUT, refreshSeconds: 10 });
  const servers = [["after (this checkout)", HB]];
  if (BEFORE)
    servers.unshift(await startBeforeHealthboard(BEFORE, PORTS.healthboard + 1, OUT, 120_000));
  for (const [, base] of servers) await untilGraphComplete(base);
  const browser = await launchChromium();
  try {
    console.log(`\n${load()}`);
    console.log(`\nserver, warm, ${PAGE} (N=${N}; median of 7 requests after one):`);
    console.log("| build | first byte (ms) | heading (ms) | last byte (ms) | document (kB) |");
    console.log("|---|---|---|---|---|");
    for (const [label, base] of servers) {
      const t = await documentTimings(`${base}${PAGE}`);
      console.log(
        `| ${label} | ${t.first.toFixed(0)} | ${t.heading.toFixed(0)} | ${t.total.toFixed(0)} | ${t.kb.toFixed(0)} |`,
      );
    }
    console.log(`\n${load()}`);
    console.log(`\nteam page LCP, ${RUNS} cold contexts (N=${N}), the builds taking turns first:`);
    console.log("| run | build | LCP (ms) | first byte (ms) | last byte (ms) | kB | LCP element |");
    console.log("|---|---|---|---|---|---|---|");
    const lcps = servers.map(() => []);
    for (let r = 1; r <= RUNS; r++) {
      const order = r % 2 ? servers.map((_, i) => i) : servers.map((_, i) => i).reverse();
      for (const i of order) {
        const x = await coldLcp(browser, `${servers[i][1]}${PAGE}`);
        lcps[i].push(x.lcp);
        console.log(
          `| ${r} | ${servers[i][0]} | ${x.lcp.toFixed(0)} | ${x.firstByte.toFixed(0)} | ${x.lastByte.toFixed(0)} | ${x.kb.toFixed(0)} | ${x.element.replaceAll("|", "/")} |`,
        );
      }
    }
    console.log(`\n${load()}`);
    servers.forEach(([label], i) => {
      console.log(
        `${label}: LCP ${lcps[i].map((v) => v.toFixed(0)).join(", ")} ms; median ${median(lcps[i]).toFixed(0)}, max ${Math.max(...lcps[i]).toFixed(0)}`,
      );
    });
  } finally {
    await browser.close();
    await proxy.close();
  }
}

runBench(main);
