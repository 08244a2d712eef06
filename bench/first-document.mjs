// The first visit after a Healthboard starts (issue 17: the lineage figures'
// first run after a start was 2.6–3.5× the Dagster UI against 8–10× later).
// Each round starts this checkout's Healthboard and a built checkout of
// another commit (`--before DIR`) on the same workload Dagster, waits until
// both hold every asset and answer /api/health (the after build: its first
// pages rendered), then the same pause, and times on each, cold:
//   1. /lineage, navigation → painted (bench/fair-clock.mjs), its first visit;
//   2. the first GET of the team page and of the overview (whole document);
//   3. the same again, warm.
// The Dagster UI's lineage is timed once per round for the ratio. The servers
// take turns going first, and both are stopped at the end of the round.
//
//   node bench/first-document.mjs --assets 1000 --before DIR [--rounds 3] [--pause 15] --dagster-running
//
// Needs `npx next build` first (and in DIR). Ports: BENCH_PORT_BASE + 0..3.
import path from "node:path";
import { median, timeToPainted } from "./fair-clock.mjs";
import {
  arg,
  launchChromium,
  PORTS,
  ROOT,
  runBench,
  shutdown,
  sleep,
  startBeforeAfter,
  until,
} from "./harness.mjs";

const N = Number(arg("assets", "1000"));
const ROUNDS = Number(arg("rounds", "3"));
const PAUSE_S = Number(arg("pause", "15"));
const OUT = path.join(ROOT, "bench/.out", `first-document-n${N}`);
const DAGSTER_UI = `http://127.0.0.1:${PORTS.dagster}/asset-groups`;
const PAGES = ["/teams/team-00?range=7d", "/"];

/** Milliseconds from sending the request to the document's last byte. */
async function documentMs(url) {
  const start = performance.now();
  const res = await fetch(url, { headers: { accept: "text/html" } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - start;
}

async function visit(browser, base) {
  const paint = await timeToPainted(browser, `${base}/lineage`, "healthboard");
  const docs = [];
  for (const page of PAGES) docs.push(await documentMs(`${base}${page}`));
  return { paint: paint.ms, docs };
}

const fmt = (ms) => ms.toFixed(0);

async function main() {
  if (!process.argv.includes("--dagster-running"))
    throw new Error(
      "start the workload first (bench/lineage-dagster.mjs) and pass --dagster-running",
    );
  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const { proxy, servers } = await startBeforeAfter(N, OUT, "this checkout");
    // Both ready by their own probe (after: data in and first pages rendered), then the same pause.
    for (const [, base] of servers) {
      await until("ready", async () => (await fetch(`${base}/api/health`)).ok, 120_000);
    }
    const browser = await launchChromium();
    try {
      await sleep(PAUSE_S * 1000);
      const order = servers.map((_, i) => i);
      if (round % 2 === 0) order.reverse();
      const first = [];
      const warm = [];
      for (const i of order) first[i] = await visit(browser, servers[i][1]);
      const dg = await timeToPainted(browser, DAGSTER_UI, "dagster");
      for (const i of order) warm[i] = await visit(browser, servers[i][1]);
      servers.forEach(([label], i) => {
        rows.push({ round, label, first: first[i], warm: warm[i], dagster: dg.ms });
      });
    } finally {
      await browser.close();
      await proxy.close();
      await shutdown();
    }
  }
  console.log(
    `\n| round | build | lineage painted, first visit | ratio to the Dagster UI | same, warm | team page document, first / warm | overview document, first / warm |`,
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.round} | ${r.label} | ${fmt(r.first.paint)} ms | ${(r.dagster / r.first.paint).toFixed(1)}× | ${fmt(r.warm.paint)} ms | ${fmt(r.first.docs[0])} / ${fmt(r.warm.docs[0])} ms | ${fmt(r.first.docs[1])} / ${fmt(r.warm.docs[1])} ms |`,
    );
  }
  for (const label of new Set(rows.map((r) => r.label))) {
    const mine = rows.filter((r) => r.label === label);
    const m = (f) => fmt(median(mine.map(f)));
    console.log(
      `${label}: medians: first lineage paint ${m((r) => r.first.paint)} ms (${median(mine.map((r) => r.dagster / r.first.paint)).toFixed(1)}×), warm ${m((r) => r.warm.paint)} ms; first team document ${m((r) => r.first.docs[0])} ms, first overview ${m((r) => r.first.docs[1])} ms`,
    );
  }
}

runBench(main);
