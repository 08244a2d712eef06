// Request → first paint of the lineage and team pages (issue 17, item 2), for
// this checkout and optionally a built checkout of another commit, in one run:
//   - server: time to first byte and to the last byte of the document, and its
//     size, over warm requests;
//   - client: what the page fetches after it loaded (the data a first paint
//     waited for when it was fetched after hydration);
//   - lineage navigation → painted against the Dagster UI, with the fair clock
//     (bench/fair-clock.mjs), and the team page's LCP, in cold contexts, the
//     builds taking turns within each run.
//
//   node bench/first-paint.mjs --assets 10000 [--runs 5] [--before DIR] [--dagster-running]
//
// Needs `npx next build` first (and in DIR). Ports: BENCH_PORT_BASE + 0..3.
import path from "node:path";
import { median, timeToPainted } from "./fair-clock.mjs";
import {
  arg,
  launchChromium,
  PORTS,
  ROOT,
  readLcp,
  runBench,
  startBeforeAfter,
} from "./harness.mjs";

const N = Number(arg("assets", "1000"));
const RUNS = Number(arg("runs", "5"));
const OUT = path.join(ROOT, "bench/.out", `first-paint-n${N}`);
const DAGSTER_UI = `http://127.0.0.1:${PORTS.dagster}/asset-groups`;
const TEAM = "/teams/team-00?range=7d";

/** Warm document timings: first byte and last byte (ms), decoded size (kB). */
async function documentTimings(url, n = 11) {
  await (await fetch(url)).arrayBuffer();
  const ttfb = [];
  const total = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    ttfb.push(performance.now() - t0);
    bytes = (await res.arrayBuffer()).byteLength;
    total.push(performance.now() - t0);
  }
  return { ttfb: median(ttfb), total: median(total), kb: bytes / 1024 };
}

/** The requests a page makes after its document, up to first paint + 1 s (scripts, data). */
async function clientFetches(browser, url, ready) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await ctx.newPage();
    const seen = [];
    page.on("requestfinished", async (req) => {
      const type = req.resourceType();
      if (type !== "fetch" && type !== "xhr") return;
      const sizes = await req.sizes().catch(() => null);
      seen.push(
        `${new URL(req.url()).pathname} (${((sizes?.responseBodySize ?? 0) / 1024).toFixed(0)} kB)`,
      );
    });
    await page.goto(url);
    await ready(page);
    await page.waitForTimeout(1000);
    return seen;
  } finally {
    await ctx.close();
  }
}

/** What the page's LCP entry is: its element, size and time. */
function lcpElementOf(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const e = list.getEntries().at(-1);
          const el = e.element;
          const what = el
            ? `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> "${(el.textContent ?? "").trim().slice(0, 40)}"`
            : "(removed)";
          const nav = performance.getEntriesByType("navigation")[0];
          const at = (ms) => `${ms.toFixed(0)} ms`;
          resolve(
            `${what}, ${e.size} px², at ${at(e.startTime)} (first byte ${at(nav.responseStart)}, last byte ${at(nav.responseEnd)}, DOM interactive ${at(nav.domInteractive)}, ${(nav.transferSize / 1024).toFixed(0)} kB transferred)`,
          );
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

/** LCP of one cold load, read as bench/upstream-load.mjs does. */
async function lcp(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    return await readLcp(page);
  } finally {
    await ctx.close();
  }
}

async function main() {
  const { proxy, servers } = await startBeforeAfter(N, OUT, "after (this checkout)");
  const browser = await launchChromium();
  try {
    console.log(`\nserver, warm (N=${N}; median of 11 requests after one):`);
    console.log("| build | page | first byte (ms) | last byte (ms) | document (kB) |");
    console.log("|---|---|---|---|---|");
    for (const [label, base] of servers) {
      for (const page of ["/lineage", TEAM]) {
        const t = await documentTimings(`${base}${page}`);
        console.log(
          `| ${label} | ${page} | ${t.ttfb.toFixed(0)} | ${t.total.toFixed(0)} | ${t.kb.toFixed(0)} |`,
        );
      }
    }
    console.log("\nfetched by the page after its document (until painted + 1 s):");
    for (const [label, base] of servers) {
      const lineage = await clientFetches(browser, `${base}/lineage`, (p) =>
        p.waitForFunction(() => window.__hbGraphPainted !== undefined, null, { timeout: 120_000 }),
      );
      let lcpElement = "";
      const team = await clientFetches(browser, `${base}${TEAM}`, async (p) => {
        await p.waitForLoadState("networkidle");
        lcpElement = await lcpElementOf(p);
      });
      console.log(`- ${label}, /lineage: ${lineage.join(", ") || "nothing"}`);
      console.log(
        `- ${label}, team page: ${team.join(", ") || "nothing"}; LCP element ${lcpElement}`,
      );
    }

    console.log(`\nnavigation → painted (N=${N}), fair clock, and team page LCP, cold:`);
    const heads = servers.map(([label]) => label);
    console.log(
      `| run | ${heads.map((h) => `lineage ${h} (ms)`).join(" | ")} | Dagster UI (ms) | ${heads.map((h) => `ratio ${h}`).join(" | ")} | ${heads.map((h) => `team LCP ${h} (ms)`).join(" | ")} |`,
    );
    console.log(`|${"---|".repeat(2 + 3 * servers.length)}`);
    const paint = servers.map(() => []);
    const ratios = servers.map(() => []);
    const lcps = servers.map(() => []);
    for (let r = 1; r <= RUNS; r++) {
      // The builds take turns first, so neither always runs right after the Dagster UI.
      const order = r % 2 ? servers.map((_, i) => i) : servers.map((_, i) => i).reverse();
      const hb = [];
      for (const i of order)
        hb[i] = await timeToPainted(browser, `${servers[i][1]}/lineage`, "healthboard");
      const dg = await timeToPainted(browser, DAGSTER_UI, "dagster");
      const team = [];
      for (const i of order) team[i] = await lcp(browser, `${servers[i][1]}${TEAM}`);
      servers.forEach((_, i) => {
        paint[i].push(hb[i].ms);
        ratios[i].push(dg.ms / hb[i].ms);
        lcps[i].push(team[i]);
      });
      console.log(
        `| ${r} | ${hb.map((h) => h.ms.toFixed(0)).join(" | ")} | ${Number.isNaN(dg.ms) ? dg.outcome : dg.ms.toFixed(0)} | ${hb.map((h) => `${(dg.ms / h.ms).toFixed(1)}×`).join(" | ")} | ${team.map((t) => t.toFixed(0)).join(" | ")} |`,
      );
    }
    servers.forEach(([label], i) => {
      console.log(
        `${label}: lineage median ${median(paint[i]).toFixed(0)} ms, ratio median ${median(ratios[i]).toFixed(1)}×; team LCP median ${median(lcps[i]).toFixed(0)} ms, max ${Math.max(...lcps[i]).toFixed(0)} ms`,
      );
    });
  } finally {
    await browser.close();
    await proxy.close();
  }
}

runBench(main);
