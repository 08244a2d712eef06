import { expect, test } from "@playwright/test";
import { CRAWL_BUDGET_MS } from "./support/budgets";
import { inPool } from "./support/pool";
import { catalogUrls, e2eConfig, routeCatalog } from "./support/route-catalog";
import { inTabs, settle } from "./support/tabs";
import { ByteCorpus, needlesFor } from "./support/token-scan";

// The Dagster token Healthboard is started with (playwright.config.ts): it
// must reach Dagster and nothing else. Every byte every route serves is
// collected, through plain HTTP and through Chromium, and scanned for it.
const TOKEN = "hb-e2e-secret-token-7f3a9c";
/** Pages loaded at once: their network-idle waits overlap. */
const TABS = 4;

const headerText = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");

test("the scanner finds a secret in each form it looks for", () => {
  const needles = needlesFor(TOKEN);
  for (const needle of needles) {
    const corpus = new ByteCorpus();
    corpus.add("decoy", Buffer.concat([Buffer.from("xx"), needle.bytes, Buffer.from("yy")]));
    expect(corpus.find(needles).map((h) => h.form)).toContain(needle.form);
  }
  // An encoded Authorization header, at each alignment inside a longer base64 text.
  for (const prefix of ["", "a", "ab", "Bearer "]) {
    const corpus = new ByteCorpus();
    corpus.add("header", Buffer.from(`${prefix}${TOKEN}!`).toString("base64"));
    expect(corpus.find(needles).length).toBeGreaterThan(0);
  }
  const clean = new ByteCorpus();
  clean.add("clean", "hb-e2e-secret-token-7f3a9"); // one character short
  expect(clean.find(needles)).toEqual([]);
});

test("no route, asset, error page or source map serves the Dagster token", async ({
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(CRAWL_BUDGET_MS);
  const catalog = await routeCatalog();
  const corpus = new ByteCorpus();

  // 1. Every catalog URL over plain HTTP: GET (body and headers), HEAD, and
  //    for pages the RSC payload a client-side navigation fetches.
  let flightPayloads = 0;
  await inPool(catalogUrls(catalog), 4, async ({ url, route }) => {
    const get = await request.get(url, { maxRedirects: 0 });
    corpus.add(`GET ${url}`, await get.body());
    corpus.add(`GET ${url} headers`, headerText(get.headers()));
    const head = await request.head(url, { maxRedirects: 0 });
    corpus.add(`HEAD ${url} headers`, headerText(head.headers()));
    if (route.kind === "page") {
      // Without router-state headers Next expects an empty _rsc cache-busting parameter.
      const rscUrl = `${url}${url.includes("?") ? "&" : "?"}_rsc`;
      const rsc = await request.get(rscUrl, { headers: { RSC: "1" }, maxRedirects: 0 });
      corpus.add(`RSC ${url}`, await rsc.body());
      if (rsc.headers()["content-type"]?.includes("text/x-component")) flightPayloads++;
    }
  });

  // 2. Error pages and error bodies.
  const errors = [
    "/no-such-page",
    "/teams/no-such-team",
    "/api/v1/asset",
    "/api/v1/asset?key=%5B1%5D",
    "/api/v1/teams/no-such-team",
    "/api/v1/no-such-route",
    "/_next/static/no-such-chunk.js",
  ];
  for (const url of errors) {
    const res = await request.get(url);
    expect(res.status(), url).toBeGreaterThanOrEqual(400);
    expect(res.status(), url).toBeLessThan(500);
    corpus.add(`GET ${url} (error)`, await res.body());
    corpus.add(`GET ${url} (error) headers`, headerText(res.headers()));
  }

  // 3. Every page in Chromium: every response body the browser receives
  //    (documents, JS chunks, CSS, fonts, RSC and API JSON), a few tabs at a time.
  const context = await browser.newContext();
  const assets = new Set<string>();
  // Tabs finish at different times: every response's collection is awaited before the context closes.
  const collecting: Promise<void>[] = [];
  context.on("response", (res) => {
    const url = res.url();
    if (url.startsWith(baseURL ?? "")) assets.add(url);
    collecting.push(
      (async () => {
        try {
          corpus.add(`browser ${url} headers`, headerText(await res.allHeaders()));
          corpus.add(`browser ${url}`, await res.body());
        } catch {
          // Redirects and aborted requests have no body, and a poll still in
          // flight when its tab closes has neither body nor headers left to read
          // (CI, 14:05); the API routes the pages poll are scanned over HTTP in part 1.
        }
      })(),
    );
  });
  const pages = catalogUrls(catalog).filter((u) => u.route.kind === "page");
  await inTabs(context, pages, TABS, async (tab, { url }) => {
    await tab.goto(url);
    // Let client components fetch their API data: nothing in flight for 500 ms.
    await settle(tab);
  });
  const page = await context.newPage();
  // A client-side navigation, for the RSC payload the router itself fetches.
  await page.goto("/");
  const rscSeen = page.waitForResponse((r) => r.url().includes("_rsc="));
  await page.locator('a[href^="/teams/"]').first().click();
  await rscSeen;
  await page.waitForURL(/\/teams\//);
  await settle(page);
  await Promise.all(collecting);
  await context.close();

  // 4. Source maps of scripts and stylesheets: not served, whether referenced or guessed.
  const bundles = [...assets].filter((u) => /\/_next\/static\/.*\.(js|css)(\?|$)/.test(u));
  expect(bundles.length).toBeGreaterThan(0);
  for (const bundle of bundles) {
    const body = (await (await request.get(bundle)).body()).toString("utf8");
    const referenced = /[/*]# sourceMappingURL=([^\s*]+)/.exec(body)?.[1];
    const maps = [`${bundle.split("?")[0]}.map`];
    if (referenced && !referenced.startsWith("data:")) maps.push(new URL(referenced, bundle).href);
    for (const map of maps) {
      const res = await request.get(map);
      expect(res.status(), `${map} should not be served`).toBe(404);
      corpus.add(`GET ${map}`, await res.body());
    }
  }

  // The scan covered something real: many responses and bytes, and a string
  // known to be on the pages (a configured team's name) is found by the same scanner.
  const teamName = e2eConfig().teams[0]?.name ?? "";
  expect(teamName.length).toBeGreaterThan(0);
  expect(corpus.find(needlesFor(teamName)).length).toBeGreaterThan(0);
  expect(flightPayloads, "RSC requests got flight payloads").toBeGreaterThan(0);
  expect(corpus.responses).toBeGreaterThan(200);
  expect(corpus.totalBytes).toBeGreaterThan(1_000_000);
  console.log(
    `token scan: ${corpus.responses} responses and headers, ${(corpus.totalBytes / 1e6).toFixed(1)} MB, ` +
      `${catalogUrls(catalog).length} catalog URLs, ${bundles.length} bundles`,
  );

  const hits = corpus.find(needlesFor(TOKEN));
  expect(hits, `the token leaked: ${JSON.stringify(hits.slice(0, 10))}`).toEqual([]);
});
