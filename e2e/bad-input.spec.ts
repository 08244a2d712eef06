import {
  type APIRequestContext,
  type APIResponse,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { CRAWL_BUDGET_MS } from "./support/budgets";
import { HOSTILE } from "./support/hostile-input";
import { leaksIn } from "./support/leak-patterns";
import { inPool } from "./support/pool";
import { type CatalogRoute, catalogUrls, routeCatalog } from "./support/route-catalog";
import { inTabs, settle } from "./support/tabs";

// Bad input of every kind, on every route: each gets a clear 4xx or a 2xx
// with a validation message; never a 500, a stack trace, or the input
// reflected unescaped. A bad config at start-up: bad-config.spec.ts.

const STATUS_OF: Record<string, number> = {
  ok: 200,
  validation: 200,
  "not-found": 404,
  "bad-request": 400,
};

/** The first URL of a route that names real things: where hostile query strings go. */
function baseOf(route: CatalogRoute): string | undefined {
  return route.urls.find((u) => u.expect !== "not-found")?.url.split("?")[0];
}

/** The parts of an HTTP answer the checks read. */
interface Answer {
  status: number;
  type: string;
  body: string;
}

async function answerOf(res: APIResponse): Promise<Answer> {
  const type = res.headers()["content-type"] ?? "";
  return { status: res.status(), type, body: (await res.body()).toString("utf8") };
}

/**
 * What is wrong with an answer, each naming the URL; empty when nothing is:
 * no 500, no stack trace, none of `raws` reflected raw; API errors are short
 * JSON. A list rather than an expect per rule: the hostile scan checks
 * thousands of answers, and Playwright's expect costs about 10 ms a call (it
 * captures the stack), which made that one test 3.6 minutes of the test
 * process's CPU.
 */
function problemsOf(url: string, answer: Answer, raws: readonly string[] = []): string[] {
  const { status, type, body } = answer;
  const at = `${url.slice(0, 200)} -> ${status}`;
  const problems: string[] = [];
  if (!((status >= 200 && status < 300) || (status >= 400 && status < 500))) {
    problems.push("neither a 2xx nor a 4xx");
  }
  problems.push(...leaksIn(body));
  // HTML, and SVG (a badge opened on its own is a document that can run script).
  if (type.includes("text/html") || type.includes("svg")) {
    // Text with <, > or " must never reach the HTML as written: those end a
    // text node, a (double-quoted) attribute or a JSON string in a script.
    // A lone ' may: React quotes attributes with " and JSON strings use ".
    for (const raw of raws) {
      if (/[<>"]/.test(raw) && body.includes(raw)) problems.push(`reflected raw: ${raw}`);
    }
    if (/(?:href|src|action)=["']?\s*javascript:/i.test(body)) {
      problems.push("javascript: URL in an attribute");
    }
  }
  if (new URL(url, "http://x").pathname.startsWith("/api/")) {
    for (const raw of raws) {
      if (raw.length >= 6 && body.includes(raw)) problems.push(`input echoed: ${raw.slice(0, 40)}`);
    }
    if (status >= 400 && status !== 431 && status !== 414) problems.push(...apiErrorProblems(body));
  }
  return problems.map((problem) => `${at}: ${problem}`);
}

/** An API error is JSON with a string `error` of at most 300 characters. */
function apiErrorProblems(body: string): string[] {
  let json: { error?: unknown };
  try {
    json = JSON.parse(body) as { error?: unknown };
  } catch {
    return ["an API error that is not JSON"];
  }
  if (typeof json.error !== "string") return ["an API error without a string `error`"];
  return json.error.length > 300 ? ["an API error message over 300 characters"] : [];
}

async function checkAnswer(url: string, res: APIResponse, raw?: string): Promise<void> {
  expect(problemsOf(url, await answerOf(res), raw === undefined ? [] : [raw])).toEqual([]);
}

test("every catalog URL answers as the catalog expects", async ({ request }) => {
  test.setTimeout(180_000);
  const urls = catalogUrls(await routeCatalog());
  expect(urls.length).toBeGreaterThan(20);
  for (const { url, expect: want, route } of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), `${url} (${route.file})`).toBe(STATUS_OF[want]);
    await checkAnswer(url, res);
    if (want === "validation") {
      const body = await res.text();
      expect(body, `${url}: a validation message`).toContain('data-testid="param-problems"');
    }
  }
});

test("an unknown team is a 404 page and a 404 JSON error", async ({ page, request }) => {
  const res = await page.goto("/teams/no-such-team?range=7d");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Team not found" })).toBeVisible();
  const api = await request.get("/api/v1/teams/no-such-team");
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: "unknown team" });
});

test("bad asset keys get a 400 or 404 with a JSON error", async ({ request }) => {
  const keys: [string, number][] = [
    ["", 400],
    // Plain and slash-separated keys are keys too (lib/links/asset-key-param.ts): unknown ones are 404.
    ["x", 404],
    ["ml//x", 404],
    ["[]", 400],
    ["[1]", 400],
    ['[""]', 400],
    ['"ml"', 404],
    ["null", 404],
    ['{"path":["ml"]}', 404],
    ['["ml"', 400],
    [`${"[".repeat(2_000)}${"]".repeat(2_000)}`, 400],
    [JSON.stringify(Array.from({ length: 51 }, (_, i) => `k${i}`)), 400],
    [JSON.stringify(["x".repeat(501)]), 400],
    [JSON.stringify(["a".repeat(6_000)]), 400],
    ['["__proto__"]', 404],
    ['["no","such","asset"]', 404],
    ['["ml\\u0000"]', 404],
  ];
  for (const [key, status] of keys) {
    const url = `/api/v1/asset?key=${encodeURIComponent(key)}`;
    const res = await request.get(url);
    expect(res.status(), `key=${key.slice(0, 60)}`).toBe(status);
    await checkAnswer(url, res, key);
  }
  // Repeated: one key is used, never a 500.
  const repeated = await request.get('/api/v1/asset?key=["a"]&key=[1]');
  expect(repeated.status()).toBeLessThan(500);
});

test("invalid ranges and list values get a message or a 400 naming the parameter", async ({
  request,
}) => {
  for (const range of ["1y", "", "7D", "-7d", "7d\u0000", "30d ", "24h,7d"]) {
    const q = `range=${encodeURIComponent(range)}`;
    const api = await request.get(`/api/v1/teams/ml?${q}`);
    expect(api.status(), q).toBe(400);
    expect(((await api.json()) as { error: string }).error, q).toMatch(/^range: /);
    const page = await request.get(`/teams/ml?${q}`);
    expect(page.status(), q).toBe(200);
    expect(await page.text(), q).toMatch(/data-testid="param-problems"[^>]*>Unknown range/);
  }
  const list = await request.get("/teams/ml?list=%3Cb%3Ebogus");
  expect(await list.text()).toMatch(/data-testid="param-problems"[^>]*>Unknown asset list/);
  for (const days of ["0", "91", "1.5", "abc", "1e400", "-3", ""]) {
    const api = await request.get(`/api/v1/deploys?days=${encodeURIComponent(days)}`);
    expect(api.status(), `days=${days}`).toBe(400);
    expect(((await api.json()) as { error: string }).error).toMatch(/^days: /);
  }
});

test("hostile query strings on every route get a 2xx or a clear 4xx", async ({ baseURL }) => {
  // About 1,900 probes, each a page render or an API answer: 30 s alone on
  // this machine, a few times that beside the other projects on two cores.
  test.setTimeout(CRAWL_BUDGET_MS);
  const catalog = await routeCatalog();
  const probes: { url: string; raws: string[] }[] = [];
  // Parameters a route does not read reach only what every route shares (the
  // proxy, Next's parser, links that keep the query string): one probe with all
  // of them says as much as one each. The long values stay on their own, since
  // each tests a different limit of the request head.
  const long = HOSTILE.filter((h) => h.raw.length >= 1_000);
  const short = HOSTILE.filter((h) => h.raw.length < 1_000);
  const unread = short.map((h, i) => `q${i}=${h.query}`).join("&");
  const names = short.map((h) => `${h.query}=1`).join("&");
  const shortRaws = short.map((h) => h.raw);
  for (const route of catalog) {
    const base = baseOf(route);
    if (!base) continue;
    // Every parameter the route reads gets each hostile value alone.
    for (const param of route.params) {
      for (const h of HOSTILE) probes.push({ url: `${base}?${param}=${h.query}`, raws: [h.raw] });
    }
    for (const h of long) probes.push({ url: `${base}?q=${h.query}`, raws: [h.raw] });
    probes.push({ url: `${base}?${unread}`, raws: shortRaws });
    probes.push({ url: `${base}?${names}`, raws: shortRaws });
    // Repeated parameters, and a value that is a whole query string.
    const p = route.params[0] ?? "q";
    for (const h of short) probes.push({ url: `${base}?${p}=${h.query}&${p}=2`, raws: [h.raw] });
  }
  expect(probes.length).toBeGreaterThan(300);
  const problems: string[] = [];
  await inPool(probes, 4, async ({ url, raws }) => {
    problems.push(...problemsOf(url, await getProbe(new URL(url, baseURL)), raws));
  });
  expect(problems).toEqual([]);
});

/** Node's HTTP server reads at most 16 KB of request head (`--max-http-header-size`). */
const NODE_HEAD_LIMIT = 16 * 1024;

/**
 * GET `url` with Node's fetch: a scan of thousands of requests through
 * Playwright's request context cost the test process about 10 ms of CPU each
 * (every call crosses to its driver process and back).
 * A request whose head is past Node's limit is answered 431 by Node itself,
 * which then closes the socket while the rest of the request is still
 * arriving: the client can see that reset before it reads the 431 (a race of
 * the TCP stack, seen once in CI). Such a request is sent again, up to three
 * times, and must still get its answer. Any other request that meets a reset
 * is sent once more: a kept-alive connection the server closed as the request
 * went out resets too (seen on a loaded machine, on plain URLs like
 * /api/health?q=…), while a reset the input causes happens again and fails.
 */
async function getProbe(url: URL): Promise<Answer> {
  const attempts = url.href.length > NODE_HEAD_LIMIT ? 3 : 2;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      const type = res.headers.get("content-type") ?? "";
      return { status: res.status, type, body: await res.text() };
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const text = `${String(err)} ${cause?.code ?? ""} ${cause?.message ?? ""}`;
      const reset = /ECONNRESET|EPIPE|socket hang up|other side closed|UND_ERR_SOCKET/.test(text);
      if (!reset || attempt === attempts) throw err;
    }
  }
}

const TEAM_ROUTES = ["/teams/", "/api/v1/teams/"];

async function checkSegments(request: APIRequestContext, segments: string[]): Promise<void> {
  for (const prefix of TEAM_ROUTES) {
    for (const segment of segments) {
      const url = `${prefix}${segment}`;
      const res = await request.get(url);
      expect([400, 404, 414, 431], `${url.slice(0, 80)} -> ${res.status()}`).toContain(
        res.status(),
      );
      await checkAnswer(url, res, decodeURIComponentSafe(segment));
    }
  }
}

test("hostile path segments get a 404 or a 400, never a 500 or a file", async ({ request }) => {
  const segments = [
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%5c..%5cwindows%5cwin.ini",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "%00",
    "%F0%9F%94%A5", // an emoji: decodable, names no team
    "a".repeat(8_000),
  ];
  await checkSegments(request, segments);
  for (const url of [
    "/_next/static/..%2f..%2f..%2fpackage.json",
    "/_next/static/%2e%2e/%2e%2e/%2e%2e/package.json",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/_next/static/chunks/..%2f..%2fserver%2fapp%2fpage.js",
    "/_next/..%2f.env",
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    const body = await res.text();
    expect(body, url).not.toMatch(/root:x:0:0|"dependencies"|HEALTHBOARD_|module\.exports/);
    await checkAnswer(url, res);
  }
});

// Next.js 16.4 answers 500 when a dynamic segment is not decodable UTF-8
// (vercel/next.js#92557): its router throws before any app code runs, so
// only proxy.ts can turn these into a 4xx.
test("undecodable path segments get a 4xx, not Next's 500", async ({ request }) => {
  await checkSegments(request, [
    "%ED%A0%80", // a lone surrogate's UTF-8 bytes
    "%E0%A4%A", // a truncated escape
    "%", // a stray percent sign
    "ok%FF",
  ]);
});

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

test("injected markup in page query strings never runs or renders", async ({ context }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  const injections = [
    `<img src=x onerror="window.__hbInjected=1" data-hb-injected>`,
    `"><script>window.__hbInjected=1</script><b data-hb-injected>x</b>`,
    `'><svg onload=alert(1) data-hb-injected>`,
    "javascript:alert(1)//",
  ];
  const catalog = await routeCatalog();
  const pages = catalog.filter((r) => r.kind === "page");
  expect(pages.length).toBeGreaterThan(0);
  const urls: string[] = [];
  for (const route of pages) {
    const base = baseOf(route);
    if (!base) continue;
    for (const injection of injections) {
      const q = new URLSearchParams();
      for (const param of [...route.params, "q"]) q.set(param, injection);
      urls.push(`${base}?${q}`);
    }
  }
  // Each tab is its own window: a flag set by one page cannot show up in another.
  const watched = new WeakSet<Page>();
  await inTabs(context, urls, 4, async (page, url) => {
    if (!watched.has(page)) {
      watched.add(page);
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
    }
    const res = await page.goto(url);
    expect(res?.status(), url).toBeLessThan(500);
    // Client components render what their API calls return: wait for those.
    await settle(page);
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll("[data-hb-injected]").length,
      flag: (window as { __hbInjected?: number }).__hbInjected ?? null,
      jsLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
        /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
      ).length,
    }));
    expect(injected, url).toEqual({ elements: 0, flag: null, jsLinks: 0 });
  });
  expect(dialogs).toEqual([]);
});
