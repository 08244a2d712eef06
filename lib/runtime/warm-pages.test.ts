import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  describeWarmUp,
  staticAssetsOf,
  type WarmLimits,
  warmPages,
  warmPaths,
} from "./warm-pages";

const limits = (requestTimeoutMs = 30_000, totalMs = 60_000): WarmLimits => ({
  requestTimeoutMs,
  deadline: Date.now() + totalMs,
});

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A real HTTP server: records what it was asked, in order, and when each body was done. */
async function serve(
  handle: (path: string, end: (status: number, body: string, type?: string) => void) => void,
): Promise<{ origin: string; log: string[] }> {
  const log: string[] = [];
  const http = createServer((req, res) => {
    log.push(`start ${req.url} ${req.headers.accept}`);
    handle(req.url ?? "", (status, body, type = "text/html; charset=utf-8") => {
      res.writeHead(status, { "content-type": type });
      // Streamed in two parts, the second later: a render is done when its body ends.
      res.write(body.slice(0, 1));
      setTimeout(() => {
        log.push(`end ${req.url}`);
        res.end(body.slice(1));
      }, 20);
    });
  });
  server = http;
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, log };
}

describe("warmPages", () => {
  it("asks for each page in turn, as a browser asks for a document, and waits for its whole body", async () => {
    const { origin, log } = await serve((path, end) =>
      end(path === "/lineage" ? 404 : 200, "<html>page</html>"),
    );
    const { pages: results } = await warmPages(origin, ["/", "/lineage", "/teams/ml"], limits());
    expect(results.map((r) => [r.path, r.status])).toEqual([
      ["/", 200],
      ["/lineage", 404],
      ["/teams/ml", 200],
    ]);
    // One at a time: each request starts only after the previous body ended.
    expect(log).toEqual([
      "start / text/html",
      "end /",
      "start /lineage text/html",
      "end /lineage",
      "start /teams/ml text/html",
      "end /teams/ml",
    ]);
    for (const r of results) expect(r.ms).toBeGreaterThanOrEqual(15);
  });

  it("never throws: a refused connection or a page that never answers is reported and the rest go on", async () => {
    const { origin } = await serve((path, end) => {
      if (path !== "/hangs") end(200, "ok");
    });
    const { pages: results } = await warmPages(origin, ["/hangs", "/"], limits(200));
    expect(results[0]).toMatchObject({ path: "/hangs", status: null });
    expect(results[0]?.ms).toBeGreaterThanOrEqual(190);
    expect(results[1]).toMatchObject({ path: "/", status: 200 });

    const closed = await warmPages("http://127.0.0.1:1", ["/"], limits(1_000));
    expect(closed).toMatchObject({ pages: [{ path: "/", status: null }], assets: 0 });
  });

  it("sends nothing once the whole warm-up's time is up", async () => {
    const { origin, log } = await serve((path, end) => {
      if (path !== "/slow") end(200, "ok");
    });
    const { pages } = await warmPages(origin, ["/slow", "/", "/lineage"], limits(10_000, 300));
    expect(pages.map((p) => [p.status, p.sent])).toEqual([
      [null, true],
      [null, false],
      [null, false],
    ]);
    expect(pages[0]?.ms).toBeLessThan(2_000); // cut at the deadline, not the request limit
    expect(log.filter((l) => l.startsWith("start"))).toEqual(["start /slow text/html"]);
  });

  it("does not follow a redirect: the page it points at is not one it was asked to render", async () => {
    const { origin, log } = await serve((_path, end) => end(307, "moved"));
    const { pages: results } = await warmPages(origin, ["/"], limits());
    expect(results[0]?.status).toBe(307);
    expect(log.filter((l) => l.startsWith("start"))).toHaveLength(1);
  });
});

describe("the scripts and stylesheets of the pages", () => {
  it("are asked for once each, after the pages, and only the build's own", async () => {
    const page = (chunk: string) =>
      `<link rel="stylesheet" href="/_next/static/chunks/app.css"/><script src="/_next/static/chunks/${chunk}.js" async></script>` +
      `<script src="/_next/static/chunks/dpl.js?dpl=abc&amp;v=2"></script><a href="/lineage">x</a><img src="/icon.svg?v=1"/>` +
      `<script src="https://cdn.example.com/x.js"></script><script src="/_next/static/chunks/missing.js"></script>`;
    const { origin, log } = await serve((path, end) =>
      end(path.endsWith("missing.js") ? 404 : 200, path === "/" ? page("a") : page("b")),
    );
    const { assets } = await warmPages(origin, ["/", "/teams/ml"], limits());
    const asked = log.filter((l) => l.startsWith("start")).map((l) => l.split(" ")[1]);
    expect(asked).toEqual([
      "/",
      "/teams/ml",
      "/_next/static/chunks/app.css",
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/dpl.js?dpl=abc&v=2",
      "/_next/static/chunks/missing.js",
      "/_next/static/chunks/b.js",
    ]);
    expect(assets).toBe(4); // the 404 is not counted
  });

  it("are not asked for once the warm-up's time is up", async () => {
    const { origin, log } = await serve((path, end) => {
      if (path === "/") end(200, '<script src="/_next/static/chunks/a.js"></script>');
      // the script never answers: it holds the rest past the deadline
    });
    const html =
      '<script src="/_next/static/chunks/a.js"></script><script src="/_next/static/chunks/b.js"></script>';
    expect(staticAssetsOf(html)).toHaveLength(2);
    const { assets } = await warmPages(origin, ["/"], limits(10_000, 400));
    expect(assets).toBe(0);
    expect(log.filter((l) => l.startsWith("start")).map((l) => l.split(" ")[1])).toEqual([
      "/",
      "/_next/static/chunks/a.js",
    ]);
  });

  it("are read from HTML only", async () => {
    const body = '<script src="/_next/static/chunks/a.js"></script>';
    expect(staticAssetsOf(body)).toEqual(["/_next/static/chunks/a.js"]);
    // The same bytes as plain text are not a page a browser would go on from.
    const { origin, log } = await serve((_path, end) => end(200, body, "text/plain"));
    await warmPages(origin, ["/"], limits());
    expect(log.filter((l) => l.startsWith("start"))).toHaveLength(1);
  });
});

describe("warmPaths and describeWarmUp", () => {
  it("names the overview, the lineage page and the first team's page, its slug encoded", () => {
    expect(warmPaths("ml platform")).toEqual(["/", "/lineage", "/teams/ml%20platform"]);
    expect(warmPaths(undefined)).toEqual(["/", "/lineage"]);
  });

  it("says what each page answered and how long it took", () => {
    expect(
      describeWarmUp({
        pages: [
          { path: "/", status: 200, sent: true, ms: 412 },
          { path: "/lineage", status: null, sent: true, ms: 10_000 },
          { path: "/teams/ml", status: null, sent: false, ms: 0 },
        ],
        assets: 14,
      }),
    ).toBe(
      "/ 200 in 412 ms, /lineage failed in 10000 ms, /teams/ml not sent; 14 scripts and stylesheets",
    );
  });
});
