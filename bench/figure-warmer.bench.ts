// The figure warmer's pass (lib/collector/figure-warmer.ts) at 25,000 assets
// and 30 days of history: how long it holds the event loop, in one go (as it
// ran before: teamAssets(s, null) then warmPerformance) and in slices of 20 ms
// (runSliced, as it runs now). Alternates the two on fresh snapshot content,
// so both see the same machine load. The longest block is read two ways:
// perf_hooks.monitorEventLoopDelay's max, and the largest gap between the
// ticks of a 1 ms interval. On a loaded machine both include time the OS did
// not run the process at all, so the CPU time of the longest slice (between
// two pauses; the whole pass when done in one go) is given too: that is what
// the code holds, whatever the load.
// Run: npm run bench:warmer   (bundles this file with esbuild, runs it in node)
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { runSliced } from "@/lib/performance/slices";
import { warmPerformance, warmPerformanceSteps } from "@/lib/performance/warm-performance";
import { teamAssets, teamIndex } from "@/lib/teams/team-assets";
import { changed, N, storage } from "./performance-snapshot";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SLICE_MS = 20; // as in lib/collector/figure-warmer.ts

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pass {
  sliceCpuMaxMs: number;
  slices: number;
  blockMaxMs: number;
  gapMaxMs: number;
  cpuMs: number;
  wallMs: number;
}

/** Pauses as runSliced's default does, recording the CPU time of each slice. */
let slices: number[] = [];
let sliceStart = 0;
const recordingPause = () =>
  new Promise<void>((resolve) => {
    slices.push(cpuMs() - sliceStart);
    setImmediate(() => {
      sliceStart = cpuMs();
      resolve();
    });
  });

async function measure(pass: () => Promise<void>): Promise<Pass> {
  await settle(200);
  const h = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let gapMax = 0;
  const probe = setInterval(() => {
    const t = performance.now();
    gapMax = Math.max(gapMax, t - last);
    last = t;
  }, 1);
  h.enable();
  await settle(20);
  slices = [];
  const c0 = cpuMs();
  sliceStart = c0;
  const w0 = performance.now();
  await pass();
  const wallMs = performance.now() - w0;
  const used = cpuMs() - c0;
  slices.push(cpuMs() - sliceStart); // the last slice, up to the end
  await settle(50);
  h.disable();
  clearInterval(probe);
  return {
    sliceCpuMaxMs: Math.max(...slices),
    slices: slices.length,
    blockMaxMs: h.max / 1e6,
    gapMaxMs: gapMax,
    cpuMs: used,
    wallMs,
  };
}

const inOneGo = async () => {
  const s = changed();
  await settle(0);
  teamAssets(s, null);
  warmPerformance(s, storage);
};
const inSlices = async () => {
  const s = changed();
  await runSliced(teamIndex.steps(s), SLICE_MS, recordingPause);
  await runSliced(warmPerformanceSteps(s, storage), SLICE_MS, recordingPause);
};

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
console.log(
  `node ${process.version}, ${new Date().toISOString()}, ${N} assets, load average ${load()}`,
);
const results: { how: string; r: Pass }[] = [];
for (let i = 0; i < ROUNDS; i++) {
  results.push({ how: "in one go (before)", r: await measure(inOneGo) });
  results.push({ how: `in ${SLICE_MS} ms slices (after)`, r: await measure(inSlices) });
}
const f = (x: number) => x.toFixed(0);
console.log(
  "| pass | longest slice, CPU ms | slices | longest block, monitorEventLoopDelay max (ms) | longest gap of a 1 ms timer (ms) | CPU ms | wall ms |",
);
console.log("|---|---|---|---|---|---|---|");
for (const { how, r } of results)
  console.log(
    `| ${how} | ${f(r.sliceCpuMaxMs)} | ${r.slices} | ${f(r.blockMaxMs)} | ${f(r.gapMaxMs)} | ${f(r.cpuMs)} | ${f(r.wallMs)} |`,
  );
console.log(`load average at the end: ${load()}`);
