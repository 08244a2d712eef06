// The lineage figures of BENCHMARKS.md (issue 17): navigation → painted for
// Healthboard's /lineage and the Dagster UI's global asset lineage on the same
// dagster-webserver, timed by one clock (bench/fair-clock.mjs), and the canvas's
// draw time per frame while panning and zooming at close, middle and far zoom.
//
//   node bench/lineage.mjs --assets 25000 [--runs 3] [--before DIR] [--no-paint]
//
// Needs `npx next build` first. `--before DIR` also starts a built checkout
// of another commit (same config, same upstream) and measures its frames in the
// same run, for a before/after. Ports: BENCH_PORT_BASE (default 3090) + 0..3.
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
const OUT = path.join(ROOT, "bench/.out", `lineage-n${N}`);
const BEFORE_PORT = PORTS.healthboard + 1;

async function main() {
  await assertPortsFree([...Object.values(PORTS), BEFORE_PORT]);
  await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
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
  // Both Healthboards have their first snapshot before anything is timed.
  for (const [, base] of servers) {
    await until("graph ready", async () => (await fetch(`${base}/api/v1/graph`)).ok, 300_000);
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
