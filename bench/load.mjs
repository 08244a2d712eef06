// Load: V concurrent viewers of the team page, the lineage graph and a wiki
// page with 20 embeds, for M minutes, against a production Healthboard reading
// a real dagster-webserver through the counting proxy. Reports latency
// p50/p95/p99 per kind of request, errors, and upstream Dagster requests per
// minute next to a single viewer's, measured in the same run.
//
//   node bench/load.mjs [--assets 1000] [--viewers 200] [--minutes 5] [--single-minutes 1]
//   node bench/load.mjs --replicas 1,2 [--assets 1000] [--viewers 200] [--minutes 5]
//
// With --replicas, each listed count of replicas in turn (one PostgreSQL store,
// nginx in front, one counting proxy: bench/replica-set.mjs) takes the same
// tabs, in one run, so the counts compare on the same machine load; it reports
// latency, upstream requests per minute and each replica's RSS (peak and end).
// Ports 3193 (webserver), 3194 (proxy), 3195 (nginx), 3196… (replicas).
//
// Each viewer is a browser tab, in turn the team page, the lineage page or the
// wiki page (so a third of the viewers hold 20 embeds each). Tabs open within
// the first 30 s (everyone follows the incident link), load their page (a wiki
// tab: its 20 embed documents), then poll what the page polls every refresh
// period (10 s); with --reload-minutes R they also reload every R minutes. Like a browser, a
// tab keeps an HTTP cache: it reuses a body within its max-age, revalidates
// with If-None-Match after it, and concurrent requests for one URL wait for the
// first (Chromium's cache lock). When the server falls behind, tabs wait for
// answers (a closed loop), so latency shows the overload.
// Needs `npm run build` first; ports of bench/harness.mjs.
import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  arg,
  assertPortsFree,
  groupRssMb,
  HB,
  LOCATIONS,
  PANELS,
  PORTS,
  percentile,
  ROOT,
  rssMb,
  shutdown,
  sleep,
  startHealthboard,
  startWorkloadDagster,
  teamSlug,
} from "./harness.mjs";
import { startReplicaSet } from "./replica-set.mjs";

const N = Number(arg("assets", "1000"));
const K = LOCATIONS;
const VIEWERS = Number(arg("viewers", "200"));
const MINUTES = Number(arg("minutes", "5"));
const SINGLE_MINUTES = Number(arg("single-minutes", "1"));
const PERIOD_S = 10;
const RELOAD_CYCLES = Math.round((Number(arg("reload-minutes", "0")) * 60) / PERIOD_S);
const REPLICAS = arg("replicas", "").split(",").filter(Boolean).map(Number);
const OUT = path.join(ROOT, "bench/.out", `load-n${N}${REPLICAS.length ? "-replicas" : ""}`);

const EMBEDS = Array.from({ length: 20 }, (_, i) => ({
  page: `/embed/teams/${teamSlug(i % 3)}/${PANELS[i % PANELS.length]}`,
  poll: `/api/v1/teams/${teamSlug(i % 3)}?range=7d`,
}));
const TABS = [
  {
    pages: [{ kind: "team page", url: `/teams/${teamSlug(0)}?range=7d` }],
    polls: [`/api/v1/teams/${teamSlug(0)}?range=7d`],
  },
  { pages: [{ kind: "lineage page", url: "/lineage" }], polls: ["/api/v1/graph"] },
  {
    pages: EMBEDS.map((e) => ({ kind: "embed page", url: e.page })),
    polls: EMBEDS.map((e) => e.poll),
  },
];
const pollKind = (url) => (url.startsWith("/api/v1/graph") ? "graph API" : "team API");

async function run(viewers, seconds, onlyTab, base = HB) {
  const samples = new Map(); // kind -> latencies (ms) of requests that reached the server
  const errors = new Map(); // "kind status" -> count
  let cacheHits = 0;
  const stopAt = Date.now() + seconds * 1000;
  const record = (kind, ms, status) => {
    if (!samples.has(kind)) samples.set(kind, []);
    samples.get(kind).push(ms);
    if (status !== 200 && status !== 304)
      errors.set(`${kind} ${status}`, (errors.get(`${kind} ${status}`) ?? 0) + 1);
  };
  const tab = async (v) => {
    const spec = TABS[onlyTab ?? v % TABS.length];
    const cache = new Map(); // url -> { etag, freshUntil }
    const inflight = new Map();
    const get = async (kind, url) => {
      const entry = cache.get(url);
      if (entry && Date.now() < entry.freshUntil) {
        cacheHits++;
        return;
      }
      if (inflight.has(url)) return inflight.get(url);
      const request = (async () => {
        const t0 = performance.now();
        let status = 0;
        try {
          const headers = { "accept-encoding": "gzip" };
          if (entry?.etag) headers["if-none-match"] = entry.etag;
          const res = await fetch(`${base}${url}`, { headers });
          status = res.status;
          await res.arrayBuffer();
          const maxAge = Number(
            /max-age=(\d+)/.exec(res.headers.get("cache-control") ?? "")?.[1] ?? 0,
          );
          const etag = res.headers.get("etag") ?? entry?.etag;
          if (status === 200 || status === 304)
            cache.set(url, { etag, freshUntil: Date.now() + maxAge * 1000 });
        } catch (err) {
          status = err?.cause?.code ?? "network";
        }
        record(kind, performance.now() - t0, status);
      })();
      inflight.set(url, request);
      await request;
      inflight.delete(url);
    };
    await sleep(Math.random() * 30_000); // tabs open over the first 30 s
    for (let cycle = 0; Date.now() < stopAt; cycle++) {
      const next = Date.now() + PERIOD_S * 1000;
      const reload = cycle === 0 || (RELOAD_CYCLES > 0 && cycle % RELOAD_CYCLES === 0);
      if (reload) await Promise.all(spec.pages.map((p) => get(p.kind, p.url)));
      else await Promise.all(spec.polls.map((u) => get(pollKind(u), u)));
      await sleep(Math.max(0, next - Date.now()));
    }
  };
  await Promise.all(Array.from({ length: viewers }, (_, v) => tab(v)));
  return { samples, errors, cacheHits };
}

function report(title, { samples, errors, cacheHits }) {
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
  console.log(
    `errors: ${errs.length ? errs.join(", ") : "0"}; answered by the tabs' HTTP caches: ${cacheHits}`,
  );
}

/** The same tabs against 1, 2, … replicas behind nginx, one set after the other. */
async function replicasMain() {
  Object.assign(PORTS, { dagster: 3193, proxy: 3194, healthboard: 3195 });
  await assertPortsFree([3193, 3194, 3195, ...REPLICAS.map((_, i) => 3196 + i)]);
  await startWorkloadDagster({ assets: N, locations: K, out: OUT });
  const results = [];
  for (const count of REPLICAS) {
    const set = await startReplicaSet({
      count,
      out: path.join(OUT, `replicas-${count}`),
      locations: K,
      refreshSeconds: PERIOD_S,
      ports: { dagster: 3193, proxy: 3194, balancer: 3195, first: 3196 },
    });
    await sleep(3 * PERIOD_S * 1000); // first collector cycles done
    const total = () => Object.values(set.proxy.snapshot()).reduce((a, b) => a + b, 0);
    set.proxy.reset();
    const rss = set.replicas.map(({ child }) => ({ before: groupRssMb(child.pid), peak: 0 }));
    const sampler = setInterval(() => {
      set.replicas.forEach(({ child }, i) => {
        rss[i].peak = Math.max(rss[i].peak, groupRssMb(child.pid));
      });
    }, 2_000);
    const t0 = Date.now();
    const result = await run(VIEWERS, MINUTES * 60, undefined, set.url);
    clearInterval(sampler);
    const upstream = total() / ((Date.now() - t0) / 60_000);
    set.replicas.forEach(({ child }, i) => {
      rss[i].end = groupRssMb(child.pid);
    });
    report(`${count} replica(s) behind nginx, ${VIEWERS} tabs, ${MINUTES} min (N=${N})`, result);
    console.log(
      `upstream Dagster requests per minute: ${upstream.toFixed(1)}`,
      set.proxy.snapshot(),
    );
    for (const [i, r] of rss.entries())
      console.log(
        `replica ${i + 1} RSS: ${r.before.toFixed(0)} MB before the tabs, peak ${r.peak.toFixed(0)} MB, ${r.end.toFixed(0)} MB at the end`,
      );
    console.log(`load average: ${execFileSync("uptime").toString().trim()}`);
    results.push({ count, upstream });
    await set.stop();
  }
  const [first, ...others] = results;
  for (const r of others)
    console.log(
      `\nupstream requests per minute, ${r.count} replicas / ${first.count}: ${(r.upstream / first.upstream).toFixed(2)}`,
    );
}

async function main() {
  if (REPLICAS.length) return replicasMain();
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
  // The single viewer is the heaviest tab: the wiki page with 20 embeds.
  const single = await run(1, SINGLE_MINUTES * 60, 2);
  const singleUpstream = total() / SINGLE_MINUTES;
  report(`1 viewer (the wiki page with 20 embeds), ${SINGLE_MINUTES} min (N=${N})`, single);

  proxy.reset();
  const rssBefore = rssMb(hb.pid);
  const many = await run(VIEWERS, MINUTES * 60);
  const manyUpstream = total() / MINUTES;
  report(
    `${VIEWERS} viewers (team page, lineage, wiki with 20 embeds, in turn), ${MINUTES} min (N=${N})`,
    many,
  );
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
