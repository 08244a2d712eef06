// The first render of a route in a new server process is slow: its modules
// are evaluated, React's renderer and our code are not yet compiled by V8, and
// first-use caches are empty. On the e2e workspace the first /lineage document
// took 272 ms and the next 47 ms; the first /teams/analytics 240 ms and the next
// 109 ms (BENCHMARKS.md, "The first visit after a start"). Left alone, that
// cost lands on whoever opens Healthboard first after a deploy or restart. So
// once the first data is in, the server renders the pages people open first for
// itself, over loopback, one at a time, as a browser would ask for them.

export interface WarmResult {
  path: string;
  /** The HTTP status, or null when the request failed or timed out, or was not sent. */
  status: number | null;
  /** False when the warm-up's time was up before its turn. */
  sent: boolean;
  ms: number;
}

export interface WarmLimits {
  /** Longest wait for one request, its body included. */
  requestTimeoutMs: number;
  /** Date.now() after which nothing more is sent. */
  deadline: number;
}

/** The pages most visits start at: the overview, the lineage graph and a team page. */
export function warmPaths(firstTeamSlug: string | undefined): string[] {
  const paths = ["/", "/lineage"];
  if (firstTeamSlug) paths.push(`/teams/${encodeURIComponent(firstTeamSlug)}`);
  return paths;
}

/**
 * The build's scripts and stylesheets a document references: what a browser
 * asks for next. With a deployment id (HEALTHBOARD_BUILD_ID) Next appends
 * `?dpl=<id>` to each, HTML-escaped where there are several parameters.
 */
export function staticAssetsOf(html: string): string[] {
  const found = html.matchAll(
    /(?:src|href)="(\/_next\/static\/[^"?#]+\.(?:js|css)(?:\?[^"#]*)?)"/g,
  );
  return [...new Set([...found].map((m) => (m[1] as string).replaceAll("&amp;", "&")))];
}

/** GET `path` and read its whole body (a page streams: its render is done only when the body ends). */
async function get(
  origin: string,
  path: string,
  accept: string,
  limits: WarmLimits,
): Promise<{ status: number | null; html: string | null; sent: boolean }> {
  const timeout = Math.min(limits.requestTimeoutMs, limits.deadline - Date.now());
  if (timeout <= 0) return { status: null, html: null, sent: false };
  try {
    const res = await fetch(new URL(path, origin), {
      headers: { accept },
      redirect: "manual",
      signal: AbortSignal.timeout(timeout),
    });
    const body = await res.text();
    const html = res.headers.get("content-type")?.includes("text/html") ? body : null;
    return { status: res.status, html, sent: true };
  } catch {
    return { status: null, html: null, sent: true };
  }
}

/**
 * Requests each path of `origin` in turn, then each script and stylesheet the
 * pages reference, once. Never throws: a page that fails here fails the same
 * way for its first visitor, who sees why.
 */
export async function warmPages(
  origin: string,
  paths: readonly string[],
  limits: WarmLimits,
): Promise<{ pages: WarmResult[]; assets: number }> {
  const pages: WarmResult[] = [];
  const assets = new Set<string>();
  for (const path of paths) {
    const start = performance.now();
    const { status, html, sent } = await get(origin, path, "text/html", limits);
    for (const asset of html ? staticAssetsOf(html) : []) assets.add(asset);
    pages.push({ path, status, sent, ms: Math.round(performance.now() - start) });
  }
  let served = 0;
  for (const asset of assets) {
    // A missing chunk is the page's problem, and its visitor's console says so.
    if ((await get(origin, asset, "*/*", limits)).status === 200) served++;
  }
  return { pages, assets: served };
}

/** One log line: "/ 200 in 412 ms, /lineage failed in 10000 ms, /teams/ml not sent; 14 scripts and stylesheets". */
export function describeWarmUp({
  pages,
  assets,
}: {
  pages: readonly WarmResult[];
  assets: number;
}): string {
  const each = pages
    .map((r) => (r.sent ? `${r.path} ${r.status ?? "failed"} in ${r.ms} ms` : `${r.path} not sent`))
    .join(", ");
  return `${each}; ${assets} scripts and stylesheets`;
}
