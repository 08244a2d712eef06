import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { type CatalogRoute, catalogUrls, routeCatalog } from "./support/route-catalog";

// Bad input of every kind, on every route: each gets a clear 4xx or a 2xx
// with a validation message; never a 500, a stack trace, or the input
// reflected unescaped.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Signs of a leaked stack trace or of Healthboard's own files. Not any path:
 * Dagster's code-location load errors, shown on purpose, may name paths on
 * the Dagster host (the demo's live under /work/main); that is Dagster's text.
 */
const LEAKS: [string, RegExp][] = [
  ["stack frame", /\n\s*at [^\n]{0,200}:\d+:\d+\)?/],
  ["stack frame", /\bat (?:async )?[\w.<>]+ \((?:file:|\/|node:)/],
  [
    "server path",
    new RegExp(`${escapeRegExp(process.cwd())}/(app|lib|components)/|node_modules/|\\.next/server`),
  ],
  ["bundler path", /webpack-internal:|\[turbopack\]/],
];

const STATUS_OF: Record<string, number> = {
  ok: 200,
  validation: 200,
  "not-found": 404,
  "bad-request": 400,
};

/** A hostile value: `query` is how it goes on the wire (already encoded). */
interface Hostile {
  name: string;
  raw: string;
  query: string;
}

const hostile = (name: string, raw: string): Hostile => ({
  name,
  raw,
  query: encodeURIComponent(raw),
});
/** Sent as written: for encodings no well-behaved client would produce. */
const wire = (name: string, query: string): Hostile => ({ name, raw: query, query });

const HOSTILE: Hostile[] = [
  hostile("8 KB", "a".repeat(8 * 1024)),
  hostile("64 KB", "b".repeat(64 * 1024)),
  hostile("right-to-left override", "\u202Egnp.exe\u202C"),
  hostile("emoji", "🔥👩‍👩‍👧🏳️‍🌈"),
  hostile("combining marks", "Z\u0334\u0321\u032A\u034Ca\u0337l\u0336g\u0338o\u0335"),
  wire("lone surrogate (UTF-8 bytes)", "%ED%A0%80"),
  wire("lone surrogate (%u)", "%uD800"),
  wire("malformed percent", "%E0%A4%A%"),
  hostile("NUL", "\u0000"),
  hostile("control characters", "\u0001\u001b[31m\r\nSet-Cookie: x=1"),
  hostile("path traversal", "../../../../etc/passwd"),
  wire("encoded path traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
  hostile("backslash traversal", "..\\..\\windows\\win.ini"),
  hostile("script tag", "<script>alert(1)</script>"),
  hostile("attribute break", '"><img src=x onerror=alert(1)>'),
  hostile("event handler", "' onerror=alert(1) x='"),
  hostile("javascript URL", "javascript:alert(1)"),
  hostile("JSON object", '{"__proto__":{"polluted":1}}'),
  hostile("JSON array", '[["a"],{"$gt":""}]'),
  hostile("prototype name", "__proto__"),
  hostile("huge number", "1e400"),
  hostile("negative", "-1"),
];

/** The first URL of a route that names real things: where hostile query strings go. */
function baseOf(route: CatalogRoute): string | undefined {
  return route.urls.find((u) => u.expect !== "not-found")?.url.split("?")[0];
}

/** No 500, no stack trace, nothing reflected raw; API errors are short JSON. */
async function checkAnswer(url: string, res: APIResponse, raw?: string): Promise<void> {
  const status = res.status();
  const at = `${url.slice(0, 200)} -> ${status}`;
  expect(status, at).toBeLessThan(500);
  expect(status >= 200 && status < 300 ? "2xx" : status >= 400 ? "4xx" : "other", at).not.toBe(
    "other",
  );
  const body = (await res.body()).toString("utf8");
  for (const [what, pattern] of LEAKS) {
    expect(pattern.exec(body)?.[0] ?? null, `${at}: ${what} in the body`).toBeNull();
  }
  const type = res.headers()["content-type"] ?? "";
  if (type.includes("text/html")) {
    // Text with <, > or " must never reach the HTML as written: those end a
    // text node, a (double-quoted) attribute or a JSON string in a script.
    // A lone ' may: React quotes attributes with " and JSON strings use ".
    if (raw && /[<>"]/.test(raw)) expect(body.includes(raw), `${at}: reflected raw`).toBe(false);
    expect(body, `${at}: javascript: URL in an attribute`).not.toMatch(
      /(?:href|src|action)=["']?\s*javascript:/i,
    );
  }
  if (new URL(url, "http://x").pathname.startsWith("/api/")) {
    if (raw && raw.length >= 6) expect(body.includes(raw), `${at}: input echoed`).toBe(false);
    if (status >= 400 && status !== 431 && status !== 414) {
      const json = JSON.parse(body) as { error?: unknown };
      expect(typeof json.error, at).toBe("string");
      expect((json.error as string).length, at).toBeLessThanOrEqual(300);
    }
  }
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
    ["x", 400],
    ["[]", 400],
    ["[1]", 400],
    ['[""]', 400],
    ['"ml"', 400],
    ["null", 400],
    ['{"path":["ml"]}', 400],
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

test("hostile query strings on every route get a 2xx or a clear 4xx", async ({ request }) => {
  test.setTimeout(300_000);
  const catalog = await routeCatalog();
  let requests = 0;
  for (const route of catalog) {
    const base = baseOf(route);
    if (!base) continue;
    // Every parameter the route reads, one it does not, and a hostile name.
    for (const param of [...route.params, "q"]) {
      for (const h of HOSTILE) {
        const url = `${base}?${param}=${h.query}`;
        await checkAnswer(url, await request.get(url), h.raw);
        requests++;
      }
    }
    for (const h of HOSTILE.filter((x) => x.raw.length < 1_000)) {
      const url = `${base}?${h.query}=1`;
      await checkAnswer(url, await request.get(url), h.raw);
      // Repeated parameters, and a value that is a whole query string.
      const again = `${base}?${route.params[0] ?? "q"}=${h.query}&${route.params[0] ?? "q"}=2`;
      await checkAnswer(again, await request.get(again), h.raw);
      requests += 2;
    }
  }
  expect(requests).toBeGreaterThan(300);
});

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

test("injected markup in page query strings never runs or renders", async ({ page }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const injections = [
    `<img src=x onerror="window.__hbInjected=1" data-hb-injected>`,
    `"><script>window.__hbInjected=1</script><b data-hb-injected>x</b>`,
    `'><svg onload=alert(1) data-hb-injected>`,
    "javascript:alert(1)//",
  ];
  const catalog = await routeCatalog();
  const pages = catalog.filter((r) => r.kind === "page");
  expect(pages.length).toBeGreaterThan(0);
  for (const route of pages) {
    const base = baseOf(route);
    if (!base) continue;
    for (const injection of injections) {
      const q = new URLSearchParams();
      for (const param of [...route.params, "q"]) q.set(param, injection);
      const url = `${base}?${q}`;
      const res = await page.goto(url);
      expect(res?.status(), url).toBeLessThan(500);
      await page.waitForTimeout(1_000);
      const injected = await page.evaluate(() => ({
        elements: document.querySelectorAll("[data-hb-injected]").length,
        flag: (window as { __hbInjected?: number }).__hbInjected ?? null,
        jsLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
          /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
        ).length,
      }));
      expect(injected, url).toEqual({ elements: 0, flag: null, jsLinks: 0 });
    }
  }
  expect(dialogs).toEqual([]);
});

// A bad config at start-up: `next start` must stop with a message naming the
// field and the file, and never serve a stack trace to a browser.
test.describe("a bad config", () => {
  const PORT = 3131;
  const dir = mkdtempSync(path.join(tmpdir(), "hb-bad-config-"));
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const GOOD_DEPLOYMENT =
    "deployments:\n  - name: local\n    kind: oss\n    graphqlUrl: http://127.0.0.1:3999/graphql\n";
  /** `env` overrides HEALTHBOARD_CONFIG, which otherwise names the case's file. */
  const cases: { name: string; text: string | null; names: RegExp; env?: string }[] = [
    { name: "missing field", text: "teams: []\n", names: /deployments: / },
    {
      name: "wrong type",
      text: `${GOOD_DEPLOYMENT}refresh:\n  runsSeconds: fast\n`,
      names: /refresh\.runsSeconds: /,
    },
    {
      name: "bad URL",
      text: "deployments:\n  - name: local\n    kind: oss\n    graphqlUrl: not-a-url\n",
      names: /deployments\[0\]\.graphqlUrl: must be an http\(s\) URL/,
    },
    {
      name: "YAML syntax error",
      text: "deployments:\n  - name: local\n    kind: [oss\n",
      names: /line \d+, column \d+/,
    },
    { name: "misspelt key", text: `${GOOD_DEPLOYMENT}teems: []\n`, names: /teems/ },
    { name: "missing file", text: null, names: /cannot read the file/ },
    { name: "empty HEALTHBOARD_CONFIG", text: null, names: /HEALTHBOARD_CONFIG: /, env: "" },
  ];

  for (const c of cases) {
    test(`${c.name}: start-up stops with a message naming the field`, async () => {
      test.setTimeout(60_000);
      const file = path.join(dir, `${c.name.replace(/\W+/g, "-")}.yaml`);
      if (c.text !== null) writeFileSync(file, c.text);
      const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
        env: {
          ...process.env,
          HEALTHBOARD_CONFIG: c.env ?? file,
          HEALTHBOARD_DATA_DIR: path.join(dir, "data"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      server.stdout?.on("data", (d) => {
        output += d;
      });
      server.stderr?.on("data", (d) => {
        output += d;
      });
      try {
        const code = await exitOrServe(server, PORT);
        expect(code, output).not.toBe(0);
        expect(code, `${output}\nstill running after 30 s`).not.toBeNull();
        if (c.env === undefined) expect(output).toContain(file);
        expect(output).toMatch(c.names);
        expect(output, "a clean message, not a stack trace").not.toMatch(/\n\s+at .+:\d+:\d+/);
      } finally {
        if (server.exitCode === null) server.kill("SIGTERM");
      }
    });
  }
});

/**
 * Waits up to 30 s for the server to exit, asking it for pages meanwhile:
 * whatever it answers before it stops must not be a stack trace.
 */
async function exitOrServe(server: ChildProcess, port: number): Promise<number | null> {
  const exited = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 1)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return server.exitCode;
    const body = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })
      .then((res) => res.text())
      .catch(() => null); // not listening (yet, or any more)
    for (const [what, pattern] of LEAKS) {
      expect(pattern.exec(body ?? "")?.[0] ?? null, `${what} served`).toBeNull();
    }
    const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(r, 300, null))]);
    if (code !== null) return code;
  }
  return null;
}
