// The lineage figures of BENCHMARKS.md (issue 17): navigation → painted for
// Healthboard's /lineage and the Dagster UI's global asset lineage on the same
// dagster-webserver, timed by one clock (bench/fair-clock.mjs), and the canvas's
// draw time per frame while panning and zooming at close, middle and far zoom.
//
//   node bench/lineage.mjs --assets 25000 [--runs 3] [--before DIR] [--no-paint] [--no-frames] [--dagster-running]
// (`--before DIR`: the paint table times both builds against the same Dagster UI load per run.)
//
// Needs `npx next build` first. `--before DIR` also starts a built checkout
// of another commit (same config, same upstream) and measures its frames in the
// same run, for a before/after. `--dagster-running` uses a workload webserver
// already serving on the bench's port (a 25k workload takes minutes to load) and
// leaves it running. Ports: BENCH_PORT_BASE (default 3090) + 0..3.
import path from "node:path";
import { arg, launchChromium, ROOT, runBench, startBeforeAfter } from "./harness.mjs";
import { frameTable, paintTable } from "./lineage-timings.mjs";

const N = Number(arg("assets", "1000"));
const RUNS = Number(arg("runs", "3"));
const PAINT = !process.argv.includes("--no-paint");
const FRAMES = !process.argv.includes("--no-frames");
const OUT = path.join(ROOT, "bench/.out", `lineage-n${N}`);

async function main() {
  const { proxy, servers } = await startBeforeAfter(N, OUT, "this checkout");
  const browser = await launchChromium();
  try {
    if (FRAMES) await frameTable(browser, servers, N);
    if (PAINT) await paintTable(browser, N, RUNS, servers);
  } finally {
    await browser.close();
    await proxy.close();
  }
}

runBench(main);
