// What a page costs a two-core machine (BENCHMARKS.md, "What polling and page
// loads cost"): per page of a running Healthboard, the time from `goto` to the
// load event in one tab of one context (the first of the context, then once
// more), and the CPU Chromium and every Next server use while the page sits
// open for 20 s afterwards (its polls and re-renders).
//
//   node bench/page-cost.mjs --base http://127.0.0.1:3190 [--idle 20] / /teams/analytics /lineage /alerts
//
// Start the Healthboard first (any config); nothing else should run beside it.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { arg, launchChromium, runBench, sleep } from "./harness.mjs";

const BASE = arg("base", "http://127.0.0.1:3190");
const IDLE_S = Number(arg("idle", "20"));
const PAGES = process.argv
  .slice(2)
  .filter((a, i, all) => a.startsWith("/") && !all[i - 1]?.startsWith("--"));

/** CPU ticks (USER_HZ = 100) of every Chromium and Next server process, by pid. */
function cpuTicks() {
  const ticks = new Map();
  const pids = execSync("pgrep -f 'chromium|next-server' || true").toString().trim().split("\n");
  for (const pid of pids.filter(Boolean)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended in between
    }
  }
  return ticks;
}

/**
 * CPU-seconds used between two readings: per process, so one that ends in
 * between does not take its lifetime's CPU out of the sum. A process that
 * started in between counts in full; one that ended is missed (a floor).
 */
function cpuBetween(before, after) {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / 100;
}

async function main() {
  const browser = await launchChromium();
  try {
    console.log(
      `| page | load, first of a context (ms) | load, again (ms) | CPU while open ${IDLE_S} s (s) | requests while open |`,
    );
    console.log("|---|---|---|---|---|");
    for (const path of PAGES.length ? PAGES : ["/"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const load = async () => {
        const start = Date.now();
        await page.goto(`${BASE}${path}`);
        return Date.now() - start;
      };
      const first = await load();
      const again = await load();
      await sleep(3_000); // its first client-side fetches
      let requests = 0;
      page.on("request", () => requests++);
      const before = cpuTicks();
      await sleep(IDLE_S * 1000);
      const cpu = cpuBetween(before, cpuTicks());
      console.log(`| ${path} | ${first} | ${again} | ${cpu.toFixed(2)} | ${requests} |`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

runBench(main);
