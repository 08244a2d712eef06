// The lineage figures of BENCHMARKS.md (issue 17): navigation → painted for
// Healthboard's /lineage and the Dagster UI's global asset lineage on the same
// dagster-webserver, timed by one clock (bench/fair-clock.mjs), and the canvas's
// draw time per frame while panning and zooming at close, middle and far zoom.
//
//   node bench/lineage.mjs --assets 25000 [--runs 3] [--before DIR] [--no-paint] [--dagster-running]
//
// Needs `npx next build` first. `--before DIR` also starts a built checkout
// of another commit (same config, same upstream) and measures its frames in the
// same run, for a before/after. `--dagster-running` uses a workload webserver
// already serving on the bench's port (a 25k workload takes minutes to load) and
// leaves it running. Ports: BENCH_PORT_BASE (default 3090) + 0..3.
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
  start,
  startHealthboard,
  startWorkloadDagster,
  until,
} from "./harness.mjs";
import { frameTable, paintTable } from "./lineage-timings.mjs";

const N = Number(arg("assets", "1000"));
const RUNS = Number(arg("runs", "3"));
const BEFORE = arg("before", "");
const PAINT = !process.argv.includes("--no-paint");
const REUSE_DAGSTER = process.argv.includes("--dagster-running");
const OUT = path.join(ROOT, "bench/.out", `lineage-n${N}`);
const BEFORE_PORT = PORTS.healthboard + 1;

async function main() {
  if (REUSE_DAGSTER) await assertPortsFree([PORTS.proxy, PORTS.healthboard, BEFORE_PORT]);
  else {
    await assertPortsFree([...Object.values(PORTS), BEFORE_PORT]);
    await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
  }
  const { proxy } = await startHealthboard({ locations: LOCATIONS, out: OUT, refreshSeconds: 10 });
  const servers = [["this checkout", HB]];
  if (BEFORE) {
    const base = `http://127.0.0.1:${BEFORE_PORT}`;
    start(
      process.execPath,
      [path.resolve(BEFORE, "node_modules/next/dist/bin/next"), "start", "-p", String(BEFORE_PORT)],
      {
        cwd: path.resolve(BEFORE),
        env: {
          ...process.env,
          HEALTHBOARD_CONFIG: path.join(OUT, "healthboard.yaml"),
          HEALTHBOARD_DATA_DIR: path.join(OUT, "hb-data-before"),
        },
      },
      path.join(OUT, "healthboard-before.log"),
    );
    await until("before up", async () => (await fetch(`${base}/api/v1/deploys`)).ok, 60_000);
    servers.unshift([`before (${path.basename(path.resolve(BEFORE))})`, base]);
  }
  // Every Healthboard holds all N assets before anything is timed (its first snapshot may not).
  for (const [, base] of servers) {
    await until(
      "graph complete",
      async () => {
        const r = await fetch(`${base}/api/v1/graph`);
        return r.ok && (await r.json()).keys.length >= N;
      },
      600_000,
    );
  }
  const browser = await launchChromium();
  try {
    await frameTable(browser, servers, N);
    if (PAINT) await paintTable(browser, N, RUNS);
  } finally {
    await browser.close();
    await proxy.close();
  }
}

runBench(main);
