import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CRAWL_BUDGET_MS } from "./support/budgets";
import { type Fault, faultControlOf, type ProxyLogs } from "./support/fault-control";
import { FAULT_INSTANCES } from "./support/fault-instances";

// Healthboard issue 7, item 4: thousands of generated requests against every
// route the app/ directory defines (found by walking it, so routes added later
// are fuzzed too), on the faults instance whose every upstream request passes
// a recording proxy. No answer may be 5xx or carry a stack trace, and no
// mutation or subscription may reach upstream. Seeded: FUZZ_SEED=<n> replays a run.

// A fault instance of its own, so faults.spec.ts runs beside this one.
const FAULTS_PORT = FAULT_INSTANCES.fuzz.port;
const control = faultControlOf(FAULT_INSTANCES.fuzz);
// Chosen when the test runs, not at import: Playwright imports this file in
// more than one process, and a title or seed that differs between them breaks the run.
const seedForThisRun = () => Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const PER_API_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 500);
const PER_PAGE = Math.ceil(PER_API_ROUTE / 8);
const TOKEN = "hb-e2e-secret-token-7f3a9c";

/** mulberry32: small, fast, good enough to pick inputs reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

interface RouteTemplate {
  /** e.g. /api/v1/teams/[team] */
  template: string;
  kind: "api" | "page";
}

/** Every URL the app/ tree routes: route.ts files, and pages. Groups and private folders dropped. */
function appRoutes(dir = "app", segments: string[] = []): RouteTemplate[] {
  const out: RouteTemplate[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue; // private folder: not routable
      const seg = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
      out.push(...appRoutes(path.join(dir, entry.name), [...segments, ...seg]));
    } else if (/^(route|page)\.tsx?$/.test(entry.name)) {
      out.push({
        template: `/${segments.join("/")}`,
        kind: entry.name.startsWith("route") ? "api" : "page",
      });
    }
  }
  return out;
}

const LONG = "A".repeat(12_000);
const HOSTILE = [
  "",
  " ",
  LONG,
  "x".repeat(300),
  "\u0000",
  "a\u0000b",
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AE%C0%AE%2F",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "....//....//",
  "/etc/passwd",
  "C:\\Windows\\win.ini",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}",
  "'; DROP TABLE deploys; --",
  "1 OR 1=1",
  "[]",
  "{}",
  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
  '["ml","product_embeddings"]',
  '["a",1,null,{"b":[]}]',
  JSON.stringify(Array.from({ length: 60 }, (_, i) => `k${i}`)),
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  "mutation { launchRun { __typename } }",
  '{"query":"mutation Wipe { wipeAssets(assetPartitionRanges: []) { __typename } }"}',
  "subscription { locationStateChangeEvents { __typename } }",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "0x10",
  "9007199254740993",
  "24h",
  "7d",
  "30d",
  "90d",
  "analytics",
  "flaky-team",
  "steady-team",
  "flaky",
  "steady",
  "ml-platform",
  "true",
  "null",
  "undefined",
  "\u202etxt.exe",
  "\ud83d\udca5\ud83d\udd25",
  "e\u0301\u0301\u0301",
  "\u4e2d\u6587",
  "\ufeffbom",
  "line\nbreak",
  "tab\there",
  "a&b=c",
  "a#frag",
  "a?b",
  "a/b/c",
  "%2F",
  "light",
  "dark",
  "auto",
];
const PARAM_NAMES = [
  "team",
  "deployment",
  "location",
  "days",
  "range",
  "key",
  "list",
  "focus",
  "theme",
  "q",
  "query",
  "id",
  "url",
  "redirect",
  "callback",
  "__proto__",
  "constructor",
  "graphql",
  "operationName",
  "variables",
  "",
];
const METHODS = ["GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

type Rng = ReturnType<typeof prng>;

/** A hostile value, percent-encoded unless the generator keeps some raw bytes on purpose. */
function value(rng: Rng): string {
  const v = rng.pick(HOSTILE);
  // Already-encoded and broken-encoding values go out as they are.
  if (/%[0-9A-Fa-f]{0,2}/.test(v) && rng.chance(0.5)) return v.replace(/[^\x21-\x7e]/g, "");
  return encodeURIComponent(v);
}

function queryString(rng: Rng): string {
  const n = rng.pick([0, 1, 1, 2, 3, 5, 40]);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = rng.pick(PARAM_NAMES);
    parts.push(`${encodeURIComponent(name)}=${value(rng)}`);
    if (rng.chance(0.15)) parts.push(`${encodeURIComponent(name)}=${value(rng)}`); // repeated
  }
  if (rng.chance(0.05)) parts.push("&&&==&");
  return parts.length ? `?${parts.join("&")}` : rng.chance(0.1) ? "?" : "";
}

function pathFor(rng: Rng, template: string): string {
  const filled = template.replace(/\[(\.\.\.)?[^\]]+\]/g, () => value(rng) || "x");
  const extra = rng.chance(0.1) ? `/${value(rng) || "y"}` : "";
  const slash = rng.chance(0.05) ? "/" : "";
  return `${filled}${extra}${slash}`;
}

function bodyFor(rng: Rng): { body?: Buffer; type?: string } {
  switch (rng.int(6)) {
    case 0:
      return {};
    case 1:
      return {
        type: "application/json",
        body: Buffer.from(
          JSON.stringify({
            query: "mutation Wipe { wipeAssets(assetPartitionRanges: []) { __typename } }",
          }),
        ),
      };
    case 2:
      return { type: "application/json", body: Buffer.from(rng.pick(HOSTILE)) };
    case 3:
      return { type: "application/graphql", body: Buffer.from("mutation { launchRun }") };
    case 4:
      return { type: "application/octet-stream", body: Buffer.from([0, 255, 254, 1, 2, 3]) };
    default:
      return { type: "text/plain", body: Buffer.from(LONG.repeat(8)) };
  }
}

interface Answer {
  status: number;
  body: string;
}

/** One raw request: node:http keeps the path as generated (fetch would normalise it). */
function send(method: string, rawPath: string, body?: Buffer, type?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (type) headers["content-type"] = type;
    if (body) headers["content-length"] = body.length;
    const req = http.request(
      {
        host: "127.0.0.1",
        port: FAULTS_PORT,
        method,
        path: rawPath,
        headers,
        timeout: 30_000,
        // A redirect echoes a 12 kB URL in Location: more than Node's 16 kB default allows.
        maxHeaderSize: 256 * 1024,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

// Healthboard's own stack frames (raw or JSON-escaped) and build paths. Dagster's
// error texts, which panels show on purpose, are Python and name their own paths.
const STACK =
  /(?:\n|\\n)\s+at (?:\S+ \()?\S+:\d+:\d+|node_modules\/|webpack-internal|\.next\/server/;

/** Problems with one answer: 5xx, a stack trace or build path, or the Dagster token. */
function problemsOf(a: Answer): string[] {
  const out: string[] = [];
  if (a.status >= 500) out.push(`HTTP ${a.status}`);
  if (STACK.test(a.body)) out.push("stack trace or server path in body");
  if (a.body.includes(TOKEN)) out.push("Dagster token in body");
  return out;
}

const mutationsIn = (logs: ProxyLogs) =>
  [...logs.faulty.log, ...logs.steady.log].filter((e) =>
    e.operations.some((op) => !op.startsWith("query ")),
  );

test.describe.configure({ timeout: 15 * 60_000 });

test("no GraphQL pass-through: a mutation posted anywhere goes nowhere", async () => {
  const start = Date.now();
  const mutation = Buffer.from(
    JSON.stringify({
      query: "mutation Wipe { wipeAssets(assetPartitionRanges: []) { __typename } }",
    }),
  );
  for (const p of [
    "/graphql",
    "/api/graphql",
    "/api/v1/graphql",
    "/api/dagster/graphql",
    "/api/v1/dagster",
    "/api/proxy",
    "/api/v1/proxy?url=http://127.0.0.1:3071/graphql",
    "/api/v1/query",
  ]) {
    for (const method of ["POST", "GET"]) {
      const a =
        method === "POST"
          ? await send("POST", p, mutation, "application/json")
          : await send(
              "GET",
              `${p}${p.includes("?") ? "&" : "?"}query=${encodeURIComponent("mutation { launchRun }")}`,
            );
      expect([404, 405], `${method} ${p}`).toContain(a.status);
    }
  }
  // The routes that exist accept no document either. The two that take a POST
  // of their own (a test notification, a CI deploy annotation) refuse the
  // body as not theirs (400) or do not exist without their token (404).
  const ownPosts = new Set(["/api/v1/alerts/test", "/api/v1/deploys"]);
  for (const { template } of appRoutes().filter((r) => r.kind === "api")) {
    const a = await send(
      "POST",
      template.replace(/\[[^\]]+\]/g, "flaky-team"),
      mutation,
      "application/json",
    );
    expect(ownPosts.has(template) ? [400, 404] : [404, 405], `POST ${template}`).toContain(
      a.status,
    );
  }
  const logs = await control.log(start);
  expect(mutationsIn(logs)).toEqual([]);
});

test("a path with malformed percent-encoding is a 400, not a 500", async () => {
  // Next's router fails to decode such a dynamic segment and, with no /400
  // page to render, answers a plain-text 500 before any handler runs. The
  // guard belongs in proxy.ts, which runs before routing.
  for (const p of ["/api/v1/teams/%zz", "/api/v1/teams/%E0%A4%A", "/teams/%C0%AE%C0%AE%2F"]) {
    const a = await send("GET", p);
    expect(a.status, p).toBe(400);
  }
});

test("thousands of generated requests: no 5xx, no stack traces, no mutation upstream", async () => {
  test.setTimeout(CRAWL_BUDGET_MS);
  const SEED = seedForThisRun();
  test.info().annotations.push({ type: "fuzz seed", description: String(SEED) });
  console.log(`fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);
  const rng = prng(SEED);
  const routes = appRoutes();
  expect(routes.filter((r) => r.kind === "api").length).toBeGreaterThanOrEqual(6);
  const plan: { method: string; path: string; body?: Buffer; type?: string }[] = [];
  for (const route of routes) {
    const n = route.kind === "api" ? PER_API_ROUTE : PER_PAGE;
    for (let i = 0; i < n; i++) {
      const method = rng.pick(METHODS);
      const { body, type } = method === "GET" || method === "HEAD" ? {} : bodyFor(rng);
      plan.push({ method, path: `${pathFor(rng, route.template)}${queryString(rng)}`, body, type });
    }
  }
  const start = Date.now();
  await control.clearLog();
  // Half the run with the flaky deployment healthy, half under faults, so the
  // routes' error paths are fuzzed too.
  const faults: Fault[] = [
    { mode: "down" },
    { mode: "status", status: 503 },
    { mode: "malformed" },
    { mode: "graphql-errors" },
  ];
  const failures: string[] = [];
  const byStatus: Record<number, number> = {};
  let refusedOversize = 0;
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const i = next++;
      const r = plan[i] as (typeof plan)[number];
      if (i > plan.length / 2 && i % 250 === 0)
        await control.set(faults[(i / 250) % faults.length] as Fault);
      try {
        const a = await send(r.method, r.path, r.body, r.type);
        byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
        for (const p of problemsOf(a)) failures.push(`${p}: ${r.method} ${r.path.slice(0, 300)}`);
      } catch (err) {
        // A server may answer (405, 413) and close before reading a large body it
        // refuses, so the client sees a reset while still sending; likewise a request
        // line past Node's 16 kB header limit (431, then close). Only those are allowed.
        const reset = /ECONNRESET|EPIPE/.test((err as Error).message);
        const oversize = (r.body?.length ?? 0) >= 64 * 1024 || r.path.length >= 16 * 1024 - 512;
        if (reset && oversize) refusedOversize++;
        else
          failures.push(
            `no answer (${(err as Error).message}): ${r.method} ${r.path.slice(0, 300)}`,
          );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: 6 }, worker));
  } finally {
    await control.set({ mode: "pass" });
  }
  console.log(
    `fuzz: ${plan.length} requests over ${routes.length} routes in ${Date.now() - start} ms`,
    byStatus,
    `connections reset on refused oversize requests: ${refusedOversize}`,
  );
  expect(plan.length).toBeGreaterThanOrEqual(3_000);
  const logs = await control.log(start);
  expect(logs.faulty.totals.mutation + logs.faulty.totals.subscription).toBe(0);
  expect(logs.steady.totals.mutation + logs.steady.totals.subscription).toBe(0);
  expect(mutationsIn(logs)).toEqual([]);
  // Upstream saw only Healthboard's own documents.
  const names = new Set([...logs.faulty.log, ...logs.steady.log].flatMap((e) => e.operations));
  for (const name of names) {
    expect(name).toMatch(
      /^query (CodeLocationStatuses|LocationAssets|AssetStatuses|RunsForLocation|MaterializationHistory|ChangedRuns)$/,
    );
  }
  expect(failures.slice(0, 25), `${failures.length} failures, seed ${SEED}`).toEqual([]);
});
