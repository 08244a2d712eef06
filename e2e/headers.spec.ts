import { readdirSync } from "node:fs";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { CRAWL_BUDGET_MS } from "./support/budgets";
import { inPool } from "./support/pool";
import { catalogUrls, e2eConfig, routeCatalog } from "./support/route-catalog";
import { inTabs, settle } from "./support/tabs";

// Security headers on every response, and pages that still work under them.
// Embeds (/embed/*) may be framed by the origins in the config's
// `embed.frameAncestors`; everything else may not be framed at all.

/** The sources of one CSP directive, or null when the policy lacks it. */
function directive(csp: string, name: string): string[] | null {
  for (const part of csp.split(";")) {
    const [key, ...sources] = part.trim().split(/\s+/);
    if (key?.toLowerCase() === name) return sources;
  }
  return null;
}

/** Pages loaded at once: their network-idle waits overlap. */
const TABS = 4;

function checkHeaders(method: "GET" | "HEAD", url: string, res: APIResponse): void {
  const h = res.headers();
  const at = `${method} ${url} (${res.status()})`;
  expect(h["x-content-type-options"], at).toBe("nosniff");
  expect(h["referrer-policy"], at).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${at}: Content-Security-Policy`).not.toBe("");
  expect(h["x-powered-by"], at).toBeUndefined();
  // No product or version in Server (Node sends none by default).
  expect(h.server ?? "", at).not.toMatch(/\d|next|node|express/i);

  const ancestors = directive(csp, "frame-ancestors");
  const path = new URL(url, "http://x").pathname;
  if (path.startsWith("/embed/") || path === "/embed") {
    const allowed = e2eConfig().embed?.frameAncestors ?? [];
    expect(h["x-frame-options"], `${at}: embeds must be frameable`).toBeUndefined();
    expect(ancestors, `${at}: frame-ancestors`).not.toBeNull();
    for (const source of ancestors ?? []) {
      expect([...allowed, "'self'"], `${at}: unexpected frame ancestor`).toContain(source);
    }
    for (const origin of allowed) expect(ancestors, at).toContain(origin);
  } else {
    expect(h["x-frame-options"], at).toBe("DENY");
    expect(ancestors, `${at}: frame-ancestors`).toEqual(["'none'"]);
  }
  if (path.startsWith("/badge/")) {
    expect(directive(csp, "default-src"), `${at}: badges get a strict CSP`).toEqual(["'none'"]);
  }
}

test("every route, error and static asset carries the security headers", async ({ request }) => {
  test.setTimeout(CRAWL_BUDGET_MS);
  const urls = catalogUrls(await routeCatalog()).map((u) => u.url);
  // Error answers: the 404 page, an API 400 and 404, a missing static file.
  urls.push(
    "/no-such-page",
    "/api/v1/asset",
    "/api/v1/teams/no-such-team",
    "/api/v1/no-such-route",
    "/_next/static/no-such-chunk.js",
  );
  // Static assets the overview references: its scripts and stylesheets.
  const html = await (await request.get("/")).text();
  const statics = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
  expect(statics.length).toBeGreaterThan(0);
  urls.push(...new Set(statics.filter((s): s is string => !!s)));
  // A file from public/, served by Next's static handler.
  const publicFile = readdirSync("public").find((f) => !f.startsWith("."));
  if (publicFile) urls.push(`/${publicFile}`);

  await inPool(urls, 4, async (url) => {
    checkHeaders("GET", url, await request.get(url, { maxRedirects: 0 }));
    checkHeaders("HEAD", url, await request.head(url, { maxRedirects: 0 }));
  });
});

test("every page renders under its CSP without a violation", async ({ context }) => {
  test.setTimeout(CRAWL_BUDGET_MS);
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`);
    });
  });
  const pages = catalogUrls(await routeCatalog()).filter(
    (u) => u.route.kind === "page" && u.expect !== "not-found",
  );
  expect(pages.length).toBeGreaterThan(0);
  // Each tab keeps its own list: a violation is reported with the page that caused it.
  const violationsOf = new WeakMap<Page, string[]>();
  await inTabs(context, pages, TABS, async (page, { url }) => {
    let violations = violationsOf.get(page);
    if (!violations) {
      const list: string[] = [];
      page.on("console", (msg) => {
        if (/Refused to|Content Security Policy/i.test(msg.text())) list.push(msg.text());
      });
      violationsOf.set(page, list);
      violations = list;
    }
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    // Rendered, and client components had time to load their data under the CSP.
    await expect(page.locator("body"), url).not.toBeEmpty();
    await settle(page);
    expect(violations, url).toEqual([]);
  });
});
