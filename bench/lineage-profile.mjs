// Where a cold lineage navigation spends its time, from request to the first
// canvas frame (issue 17 item 2), for this checkout and optionally a built
// checkout of another commit, on the same workload webserver:
//   - from the page's own timelines: first byte, last byte of the document,
//     each script's download (resource timing), DOM interactive, the page's
//     marks (hb-graph-decoded, hb-graph-painted);
//   - from a Chromium trace of the renderer's main thread (thread time):
//     HTML parsing, script compile and evaluation, the RSC payload and
//     hydration (the React tasks), GC, style/layout, paint, until the graph
//     was painted.
//
//   node bench/lineage-profile.mjs --assets 1000 [--runs 3] [--before DIR] [--dagster-running]
//
// Needs `npx next build` first (and in DIR). Ports: BENCH_PORT_BASE + 0..3.
import path from "node:path";
import { median } from "./fair-clock.mjs";
import { arg, launchChromium, ROOT, runBench, startBeforeAfter } from "./harness.mjs";
import { readTrace } from "./lineage-timings.mjs";

const N = Number(arg("assets", "1000"));
const RUNS = Number(arg("runs", "3"));
const OUT = path.join(ROOT, "bench/.out", `lineage-profile-n${N}`);
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "loading",
  "toplevel",
];

/** Main-thread thread time (ms) per kind of work, up to `endTs` (trace µs). */
function mainThreadBreakdown(events, endTs) {
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  if (!main) return {};
  const on = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.ts <= endTs,
  );
  const tasks = on.filter(
    (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask",
  );
  const sum = {};
  const add = (k, ms) => {
    sum[k] = (sum[k] ?? 0) + ms;
  };
  const ms = (e) => (e.tdur ?? e.dur ?? 0) / 1000;
  for (const t of tasks) add("all tasks", ms(t));
  // Top-level kinds; nested events are not added twice (only the outermost of each kind).
  const KINDS = {
    ParseHTML: "parse HTML",
    "v8.compile": "compile script",
    "v8.compileModule": "compile script",
    EvaluateScript: "evaluate script",
    "v8.evaluateModule": "evaluate script",
    FunctionCall: "JS calls (React, data decode, draw)",
    FireAnimationFrame: "animation frames (draw)",
    TimerFire: "timers",
    MajorGC: "GC",
    MinorGC: "GC",
    UpdateLayoutTree: "style",
    Layout: "layout",
    Paint: "paint",
    "LayerTreeHost::DoUpdateLayers": "raster (commit)",
  };
  const outer = new Map();
  for (const e of on) {
    const kind = KINDS[e.name];
    if (!kind) continue;
    const open = outer.get(kind);
    if (open && e.ts < open) continue; // inside an outer event of the same kind
    outer.set(kind, e.ts + (e.dur ?? 0));
    add(kind, ms(e));
  }
  return sum;
}

/** Scripts' bytes and timings from resource timing. */
function scriptsOf(entries) {
  const js = entries.filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
  return {
    count: js.length,
    kb: js.reduce((a, e) => a + e.transferSize, 0) / 1024,
    decodedKb: js.reduce((a, e) => a + e.decodedBodySize, 0) / 1024,
    lastEnd: js.reduce((a, e) => Math.max(a, e.responseEnd), 0),
  };
}

async function profileOnce(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Tracing.start", {
      traceConfig: { includedCategories: CATEGORIES },
      transferMode: "ReturnAsStream",
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__hbGraphPainted !== undefined, null, {
      timeout: 180_000,
      polling: "raf",
    });
    await page.waitForTimeout(300);
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource").map((e) => ({
        name: e.name,
        initiatorType: e.initiatorType,
        transferSize: e.transferSize,
        decodedBodySize: e.decodedBodySize,
        startTime: e.startTime,
        requestStart: e.requestStart,
        responseStart: e.responseStart,
        responseEnd: e.responseEnd,
      }));
      const marks = Object.fromEntries(
        performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
      );
      return {
        firstByte: nav.responseStart,
        lastByte: nav.responseEnd,
        docKb: nav.transferSize / 1024,
        docDecodedKb: nav.decodedBodySize / 1024,
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventEnd,
        painted: window.__hbGraphPainted,
        resources,
        marks,
        origin: performance.timeOrigin,
      };
    });
    const events = await readTrace(cdp);
    // The trace's clock: the navigation's start is the first "navigationStart" mark.
    const navStart = events.find((e) => e.name === "navigationStart" && e.ph !== "M");
    const endTs = navStart ? navStart.ts + timeline.painted * 1000 : Number.POSITIVE_INFINITY;
    return {
      timeline,
      scripts: scriptsOf(timeline.resources),
      cpu: mainThreadBreakdown(events, endTs),
    };
  } finally {
    await ctx.close();
  }
}

async function main() {
  const { proxy, servers } = await startBeforeAfter(N, OUT, "this checkout");
  const browser = await launchChromium();
  try {
    const rows = servers.map(() => []);
    for (let r = 0; r < RUNS; r++) {
      const order = r % 2 ? [...servers.keys()].reverse() : [...servers.keys()];
      for (const i of order) rows[i].push(await profileOnce(browser, `${servers[i][1]}/lineage`));
    }
    const f = (x) => (x === undefined ? "–" : x.toFixed(0));
    console.log(`\nlineage cold navigation profile (N=${N}), ms from navigation start:`);
    console.log(
      "| build | run | first byte | last byte | document kB (decoded) | scripts (kB, last byte) | DOM interactive | decoded | painted |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|");
    servers.forEach(([label], i) => {
      rows[i].forEach(({ timeline: t, scripts: s }, r) => {
        console.log(
          `| ${label} | ${r + 1} | ${f(t.firstByte)} | ${f(t.lastByte)} | ${f(t.docKb)} (${f(t.docDecodedKb)}) | ${s.count}: ${f(s.kb)} kB (${f(s.decodedKb)} decoded), ${f(s.lastEnd)} | ${f(t.domInteractive)} | ${f(t.marks["hb-graph-decoded"])} | ${f(t.painted)} |`,
        );
      });
    });
    console.log("\nmain-thread CPU until painted (median of runs, thread ms):");
    const kinds = [...new Set(rows.flat().flatMap((x) => Object.keys(x.cpu)))].sort();
    console.log(`| kind | ${servers.map(([l]) => l).join(" | ")} |`);
    console.log(`|---|${servers.map(() => "---|").join("")}`);
    for (const k of kinds) {
      console.log(
        `| ${k} | ${servers.map((_, i) => f(median(rows[i].map((x) => x.cpu[k] ?? 0)))).join(" | ")} |`,
      );
    }
    // The first-frame script's steps (components/lineage/first-frame.ts), where it exists.
    const doneAt = (t, part) => t.resources.find((e) => e.name.includes(part))?.responseEnd;
    console.log("\nfirst frame before hydration (ms from navigation start; – where absent):");
    console.log(
      "| build | run | script loaded | script ran | graph loaded | graph in | DOM content loaded | painted | graph requests |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|");
    servers.forEach(([label], i) => {
      rows[i].forEach(({ timeline: t }, r) => {
        console.log(
          `| ${label} | ${r + 1} | ${f(doneAt(t, "/_hb/"))} | ${f(t.marks["hb-first-frame-script"])} | ${f(doneAt(t, "/api/v1/graph"))} | ${f(t.marks["hb-first-frame-graph"])} | ${f(t.domContentLoaded)} | ${f(t.painted)} | ${t.resources.filter((e) => e.name.includes("/api/v1/graph")).length} |`,
        );
      });
    });
    servers.forEach(([label], i) => {
      // Asked (the browser queued it), sent, first byte, done: where a request waited.
      console.log(`\n${label}: requests of the last run (asked / sent / first byte / done, ms)`);
      for (const e of rows[i].at(-1).timeline.resources)
        console.log(
          `  ${new URL(e.name).pathname}${new URL(e.name).search} ${f(e.transferSize / 1024)} kB (${f(e.decodedBodySize / 1024)}) ${f(e.startTime)} / ${f(e.requestStart)} / ${f(e.responseStart)} / ${f(e.responseEnd)}`,
        );
    });
  } finally {
    await browser.close();
    await proxy.close();
  }
}

runBench(main);
