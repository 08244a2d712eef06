// Load: V concurrent viewers on the team page, the lineage graph and a wiki
// page of 20 embeds, for M minutes, against a production Healthboard reading a
// real dagster-webserver through the counting proxy. Reports latency p50/p95/p99
// per kind of request, errors, and upstream Dagster requests per minute next to
// a single viewer's, measured in the same run.
//
//   node bench/load.mjs [--assets 1000] [--viewers 200] [--minutes 5] [--single-minutes 1]
//
// A viewer does what the browser does, every refresh period (10 s): loads one
// page (the team page, the lineage page or one of the 20 embeds, in turn), then
// polls what those pages poll: the team API, the graph API and each embed's
// team API, 22 requests in all. When the server falls behind, viewers wait for
// answers (a closed loop), so latency shows the overload rather than a queue
// of abandoned requests. Needs `npm run build` first; ports of bench/harness.mjs.
import path from "node:path";
import {
  arg,
  assertPortsFree,
  HB,
  percentile,
  ROOT,
  rssMb,
  shutdown,
  sleep,
  startHealthboard,
  startWorkloadDagster,
  teamSlug,
} from "./harness.mjs";

const N = Number(arg("assets", "1000"));
const K = 12;
const VIEWERS = Number(arg("viewers", "200"));
const MINUTES = Number(arg("minutes", "5"));
const SINGLE_MINUTES = Number(arg("single-minutes", "1"));
const PERIOD_S = 10;
const OUT = path.join(ROOT, "bench/.out", `load-n${N}`);
const PANELS = [
  "kpis",
  "freshness",
  "failures",
  "dependencies",
  "deploys",
  "execution-times",
  "assets",
];

const EMBEDS = Array.from({ length: 20 }, (_, i) => ({
  page: `/embed/teams/${teamSlug(i % 3)}/${PANELS[i % PANELS.length]}`,
  poll: `/api/v1/teams/${teamSlug(i % 3)}?range=7d`,
}));
const PAGES = [
  { kind: "team page", url: `/teams/${teamSlug(0)}?range=7d` },
  { kind: "lineage page", url: "/lineage" },
  ...EMBEDS.map((e) => ({ kind: "embed page", url: e.page })),
];
const POLLS = [
  { kind: "team API", url: `/api/v1/teams/${teamSlug(0)}?range=7d` },
  { kind: "graph API", url: "/api/v1/graph" },
  ...EMBEDS.map((e) => ({ kind: "embed poll (team API)", url: e.poll })),
];

async function run(viewers, seconds) {
  const samples = new Map(); // kind -> latencies (ms)
  const errors = new Map(); // "kind status" -> count
  const stopAt = Date.now() + seconds * 1000;
  const hit = async (kind, url) => {
    const t0 = performance.now();
    let status = 0;
    try {
      const res = await fetch(`${HB}${url}`, { headers: { "accept-encoding": "gzip" } });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      status = err?.cause?.code ?? "network";
    }
    const ms = performance.now() - t0;
    if (!samples.has(kind)) samples.set(kind, []);
    samples.get(kind).push(ms);
    if (status !== 200) errors.set(`${kind} ${status}`, (errors.get(`${kind} ${status}`) ?? 0) + 1);
  };
  const viewer = async (v) => {
    await sleep(Math.random() * PERIOD_S * 1000); // viewers arrive spread over one period
    for (let cycle = v; Date.now() < stopAt; cycle++) {
      const next = Date.now() + PERIOD_S * 1000;
      const page = PAGES[cycle % PAGES.length];
      await hit(page.kind, page.url);
      // The polls of one page run concurrently, as a page's queries do.
      await Promise.all(POLLS.map((p) => hit(p.kind, p.url)));
      await sleep(Math.max(0, next - Date.now()));
    }
  };
  await Promise.all(Array.from({ length: viewers }, (_, v) => viewer(v)));
  return { samples, errors };
}

function report(title, { samples, errors }) {
  console.log(`\n${title}`);
  console.log("| requests | count | p50 ms | p95 ms | p99 ms | max ms |");
  console.log("|---|---|---|---|---|---|");
  const all = [];
  for (const [kind, list] of [...samples].sort()) {
    list.sort((a, b) => a - b);
    all.push(...list);
    console.log(
      `| ${kind} | ${list.length} | ${percentile(list, 0.5).toFixed(0)} | ${percentile(list, 0.95).toFixed(0)} | ${percentile(list, 0.99).toFixed(0)} | ${list[list.length - 1].toFixed(0)} |`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `| all | ${all.length} | ${percentile(all, 0.5).toFixed(0)} | ${percentile(all, 0.95).toFixed(0)} | ${percentile(all, 0.99).toFixed(0)} | ${all[all.length - 1].toFixed(0)} |`,
  );
  const errs = [...errors].map(([k, c]) => `${k}: ${c}`);
  console.log(`errors: ${errs.length ? errs.join(", ") : "0"}`);
}

async function main() {
  await assertPortsFree();
  await startWorkloadDagster({ assets: N, locations: K, out: OUT });
  const { proxy, hb } = await startHealthboard({
    locations: K,
    out: OUT,
    refreshSeconds: PERIOD_S,
  });
  await sleep(3 * PERIOD_S * 1000); // first collector cycles done
  const total = () => Object.values(proxy.snapshot()).reduce((a, b) => a + b, 0);

  proxy.reset();
  const single = await run(1, SINGLE_MINUTES * 60);
  const singleUpstream = total() / SINGLE_MINUTES;
  report(`1 viewer, ${SINGLE_MINUTES} min (N=${N})`, single);

  proxy.reset();
  const rssBefore = rssMb(hb.pid);
  const many = await run(VIEWERS, MINUTES * 60);
  const manyUpstream = total() / MINUTES;
  report(`${VIEWERS} viewers, ${MINUTES} min (N=${N})`, many);
  console.log(
    `\nupstream Dagster requests per minute: 1 viewer ${singleUpstream.toFixed(1)}, ${VIEWERS} viewers ${manyUpstream.toFixed(1)} (ratio ${(manyUpstream / singleUpstream).toFixed(2)})`,
  );
  console.log(
    `Healthboard RSS: ${rssBefore.toFixed(0)} MB before the ${VIEWERS} viewers, ${rssMb(hb.pid).toFixed(0)} MB at the end`,
  );
  await proxy.close();
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(shutdown);
