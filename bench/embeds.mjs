// Embed weight and upstream cost.
//   1. Gzipped JavaScript each embed page loads in Chromium (budget: 150 KB),
//      next to the full team page for comparison.
//   2. Upstream Dagster requests over the same window with no viewer and with a
//      wiki page holding 20 live embeds (target: no extra requests).
//
//   node bench/embeds.mjs [--assets 1000] [--seconds 60]
//
// Needs `npm run build` first; uses the ports of bench/harness.mjs plus 3093
// for the wiki page.
import { createServer } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  arg,
  assertPortsFree,
  HB,
  LOCATIONS,
  launchChromium,
  PANELS,
  ROOT,
  shutdown,
  sleep,
  startHealthboard,
  startWorkloadDagster,
  teamSlug,
} from "./harness.mjs";

const N = Number(arg("assets", "1000"));
const K = LOCATIONS;
const SECONDS = Number(arg("seconds", "60"));
const REFRESH_S = 10;
const WIKI_PORT = 3093;
const OUT = path.join(ROOT, "bench/.out", `embeds-n${N}`);

/** Every script a page loads, gzipped as Next serves it, summed. */
async function scriptWeight(browser, url) {
  const page = await browser.newPage();
  const scripts = new Map();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    try {
      scripts.set(res.url(), await res.body());
    } catch {}
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.close();
  let raw = 0;
  let gz = 0;
  for (const body of scripts.values()) {
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { count: scripts.size, raw, gz };
}

async function main() {
  await assertPortsFree([3090, 3091, 3092, WIKI_PORT]);
  await startWorkloadDagster({ assets: N, locations: K, out: OUT });
  const { proxy } = await startHealthboard({
    locations: K,
    out: OUT,
    refreshSeconds: REFRESH_S,
    extraConfig: ["embed:", `  frameAncestors: ['http://127.0.0.1:${WIKI_PORT}']`],
  });
  await sleep(3 * REFRESH_S * 1000); // let every collector loop finish its first cycles

  const browser = await launchChromium();
  console.log(`\nJavaScript per page (N=${N}), gzipped; budget 150 KB per embed`);
  console.log("| page | scripts | raw KB | gzip KB |");
  console.log("|---|---|---|---|");
  const pages = [
    ...PANELS.map((p) => `/embed/teams/${teamSlug(0)}/${p}`),
    `/embed/lineage?focus=${encodeURIComponent('["team_00","asset_00000"]')}`,
    `/teams/${teamSlug(0)}`,
  ];
  for (const p of pages) {
    const w = await scriptWeight(browser, `${HB}${p}`);
    console.log(
      `| ${p} | ${w.count} | ${(w.raw / 1024).toFixed(1)} | ${(w.gz / 1024).toFixed(1)} |`,
    );
  }

  // A wiki page with 20 embeds: every panel of three teams, minus one.
  const frames = Array.from({ length: 20 }, (_, i) => {
    const src = `${HB}/embed/teams/${teamSlug(i % 3)}/${PANELS[i % PANELS.length]}?autoheight=1`;
    return `<iframe src="${src}" width="600" height="300"></iframe>`;
  }).join("\n");
  const wiki = createServer((_q, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>wiki</title>${frames}`);
  });
  await new Promise((r) => wiki.listen(WIKI_PORT, "127.0.0.1", r));

  const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  const ops = (c) =>
    Object.entries(c)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  // Alternate windows without and with the wiki page open, twice, so the
  // difference between two windows of the same kind shows the noise (where a
  // collector cycle falls in a window).
  const rows = [];
  for (const withEmbeds of [false, true, false, true]) {
    let page = null;
    let embedRequests = 0;
    if (withEmbeds) {
      page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      page.on("request", (r) => {
        if (r.url().startsWith(HB)) embedRequests++;
      });
      await page.goto(`http://127.0.0.1:${WIKI_PORT}/`);
    }
    proxy.reset();
    embedRequests = 0;
    await sleep(SECONDS * 1000);
    const counts = proxy.snapshot();
    let rendered = "";
    if (page) {
      const panels = await Promise.all(
        page
          .frames()
          .slice(1)
          .map((f) => f.locator("[data-testid^=panel-]").count()),
      );
      rendered = `${panels.filter((n) => n > 0).length}/20 embeds rendered; ${embedRequests} requests from them`;
      await page.close();
    }
    rows.push({ withEmbeds, counts, rendered });
  }
  await browser.close();
  wiki.close();

  console.log(
    `\nUpstream Dagster requests per ${SECONDS} s window (asset refresh every ${REFRESH_S} s)`,
  );
  console.log("| window | upstream requests | by operation | embeds |");
  console.log("|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.withEmbeds ? "wiki page with 20 embeds" : "no viewer"} | ${total(r.counts)} | ${ops(r.counts)} | ${r.rendered} |`,
    );
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const idle = mean(rows.filter((r) => !r.withEmbeds).map((r) => total(r.counts)));
  const busy = mean(rows.filter((r) => r.withEmbeds).map((r) => total(r.counts)));
  console.log(`mean with embeds / mean without: ${(busy / idle).toFixed(2)}`);
  await proxy.close();
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(shutdown);
