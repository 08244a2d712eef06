// The lineage page's timings, shared by bench/lineage.mjs and
// bench/upstream-load.mjs: draw time per frame while panning and zooming at
// three zoom levels, and navigation → painted against the Dagster UI on the
// same dagster-webserver, timed by one clock (fair-clock.mjs).
import { median, timeToPainted } from "./fair-clock.mjs";
import { HB, PORTS, percentile } from "./harness.mjs";

const DAGSTER_UI = `http://127.0.0.1:${PORTS.dagster}/asset-groups`;

/** Zoom levels of the frame test: close (names drawn), middle (boxes, no names), far (the fitted default). */
const LEVELS = [
  ["close", 1],
  ["middle", 0.4],
  ["far (fitted)", null],
];

/**
 * The renderer's main-thread CPU per frame, from a Chromium trace of the same
 * pan and zoom: the JS draw time above leaves out the raster of the canvas's
 * recorded drawing, done at the frame's commit (most of a close-zoom frame
 * before the edges were cut to the screen). Thread time, not wall time, so a
 * loaded machine taking the core away mid-frame does not count against it.
 */
const TRACE_CATEGORIES = ["toplevel", "cc", "devtools.timeline"];

/** Ends a CDP trace and returns its events. */
export async function readTrace(cdp) {
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.end");
  const { stream } = await done;
  let data = "";
  for (;;) {
    const chunk = await cdp.send("IO.read", { handle: stream });
    data += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  const parsed = JSON.parse(data);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * Per canvas frame of the renderer's main thread, each sorted: the frame
 * task's CPU ms, its animation-frame callbacks' (the draw) and its raster
 * (layer update).
 */
function frameCpu(events) {
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const on = events.filter(
    (e) => e.ph === "X" && main && e.pid === main.pid && e.tid === main.tid && e.tdur !== undefined,
  );
  const tasks = on.filter((e) => e.name === "ThreadControllerImpl::RunTask");
  const inside = (t, e) => e.ts >= t.ts && e.ts < t.ts + t.dur;
  const task = [];
  const raster = [];
  const script = [];
  // Frames that ran an animation-frame callback: the canvas draws in one; other
  // frames (a cursor change, the list of names) are not the canvas's.
  const drawn = on.filter((e) => e.name === "FireAnimationFrame");
  for (const f of on.filter((e) => e.name === "ProxyMain::BeginMainFrame")) {
    const t = tasks.find((x) => inside(x, f));
    const callbacks = t ? drawn.filter((d) => inside(t, d)) : [];
    if (!t || !callbacks.length) continue;
    task.push(t.tdur / 1000);
    script.push(callbacks.reduce((a, e) => a + e.tdur / 1000, 0));
    raster.push(
      on
        .filter((e) => e.name === "LayerTreeHost::DoUpdateLayers" && inside(t, e))
        .reduce((a, e) => a + e.tdur / 1000, 0),
    );
  }
  const sorted = (xs) => xs.sort((a, b) => a - b);
  return { task: sorted(task), script: sorted(script), raster: sorted(raster) };
}

/**
 * Pan and zoom at one level as the earlier bench did: 20 wheel steps (here
 * two in, two out, so the zoom stays near the level) and 40 drag moves, each
 * followed by 16 ms; the page records each frame's draw time in __hbFrameTimes.
 */
async function framesAt(browser, base, url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}${url}`);
  await page.waitForFunction(() => window.__hbGraphPainted !== undefined, null, {
    timeout: 120_000,
  });
  await page.waitForTimeout(500);
  const box = await page.getByTestId("lineage-canvas").boundingBox();
  await page.evaluate(() => {
    window.__hbFrameTimes = [];
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: "ReturnAsStream",
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  for (let s = 0; s < 20; s++) {
    await page.mouse.wheel(0, s % 4 < 2 ? -120 : 120);
    await page.waitForTimeout(16);
  }
  await page.mouse.down();
  for (let s = 0; s < 40; s++) {
    await page.mouse.move(cx + s * 8, cy + s * 4);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(200);
  const frames = (await page.evaluate(() => window.__hbFrameTimes)).sort((a, b) => a - b);
  const cpu = frameCpu(await readTrace(cdp));
  await cdp.send("Performance.enable");
  const metrics = (await cdp.send("Performance.getMetrics")).metrics;
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  await ctx.close();
  return { frames, cpu, heapMb: heap / 2 ** 20 };
}

/** `servers`: [label, base URL] pairs, measured level by level, one after the other. */
export async function frameTable(browser, servers, N) {
  // Centre close and middle views on the middle node of the layout (read from the API, not lib/).
  const g = await (await fetch(`${HB}/api/v1/graph`)).json();
  const mid = Math.floor(g.x.length / 2);
  const x = Math.round(g.x[mid] + 95);
  const y = Math.round(g.y[mid] + 12);
  console.log(
    `\nlineage pan/zoom draw time per frame (N=${N}), centred on node ${mid} at (${x}, ${y}):`,
  );
  console.log(
    "| zoom | build | frames | p50 ms | p95 ms | max ms | frame CPU p50 / p95 ms | draw CPU p50 / p95 ms | raster CPU p50 / p95 ms | JS heap MB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  // Before and after in the order A B B A per level: whichever runs second has
  // measured slower on the loaded machine (a closed page's teardown, the other
  // sessions' builds), and a balanced order shows that instead of hiding it.
  const order = servers.length > 1 ? [...servers, ...[...servers].reverse()] : servers;
  for (const [name, zoom] of LEVELS) {
    const url = zoom === null ? "/lineage" : `/lineage?x=${x}&y=${y}&zoom=${zoom}`;
    for (const [label, base] of order) {
      const { frames, cpu, heapMb } = await framesAt(browser, base, url);
      const pair = (xs) => `${percentile(xs, 0.5).toFixed(1)} / ${percentile(xs, 0.95).toFixed(1)}`;
      console.log(
        `| ${name} | ${label} | ${frames.length} | ${percentile(frames, 0.5).toFixed(1)} | ${percentile(frames, 0.95).toFixed(1)} | ${frames[frames.length - 1].toFixed(1)} | ${pair(cpu.task)} | ${pair(cpu.script)} | ${pair(cpu.raster)} | ${heapMb.toFixed(0)} |`,
      );
    }
  }
}

/**
 * RUNS runs, one at a time; each opens every Healthboard of `servers` (taking
 * turns first) then the Dagster UI once, cold, and takes each one's ratio to
 * the Dagster UI of the same run.
 */
export async function paintTable(browser, N, RUNS, servers = [["this checkout", HB]]) {
  console.log(`\nnavigation → painted (N=${N}), fair clock (bench/fair-clock.mjs):`);
  const heads = servers.map(([label]) => label);
  console.log(
    `| run | ${heads.map((h) => `${h} in page (ms)`).join(" | ")} | Dagster UI in page (ms) | ${heads.map((h) => `ratio ${h}`).join(" | ")} | ${heads.map((h) => `${h} wall (ms)`).join(" | ")} | Dagster UI wall (ms) | Dagster outcome |`,
  );
  console.log(`|${"---|".repeat(4 + 3 * servers.length)}`);
  const ratios = servers.map(() => []);
  const paints = servers.map(() => []);
  for (let r = 1; r <= RUNS; r++) {
    const order = r % 2 ? [...servers.keys()] : [...servers.keys()].reverse();
    const hb = [];
    for (const i of order) {
      hb[i] = await timeToPainted(browser, `${servers[i][1]}/lineage`, "healthboard");
    }
    const dg = await timeToPainted(browser, DAGSTER_UI, "dagster");
    servers.forEach((_, i) => {
      ratios[i].push(dg.ms / hb[i].ms);
      paints[i].push(hb[i].ms);
    });
    console.log(
      `| ${r} | ${hb.map((h) => h.ms.toFixed(0)).join(" | ")} | ${dg.ms.toFixed(0)} | ${hb.map((h) => `${(dg.ms / h.ms).toFixed(1)}×`).join(" | ")} | ${hb.map((h) => h.wall).join(" | ")} | ${dg.wall} | ${dg.outcome} |`,
    );
  }
  servers.forEach(([label], i) => {
    console.log(
      `${label}: median ratio ${median(ratios[i]).toFixed(1)}× (runs: ${ratios[i].map((x) => x.toFixed(1)).join(", ")}); median ${median(paints[i]).toFixed(0)} ms`,
    );
  });
}
