// The first render of a route in a new server process is slow: its modules
// are evaluated, React's renderer and our code are not yet compiled by V8, and
// first-use caches are empty. On the e2e workspace the first /lineage document
// took 272 ms and the next 47 ms; the first /teams/analytics 240 ms and the next
// 109 ms (BENCHMARKS.md, "The first document after a start"). Left alone, that
// cost lands on whoever opens Healthboard first after a deploy or restart. So
// once the first data is in, the server renders the pages people open first for
// itself, over loopback, one at a time, as a browser would ask for them.

export interface WarmResult {
  path: string;
  /** The HTTP status, or null when the request failed or timed out. */
  status: number | null;
  ms: number;
}

/** The pages most visits start at: the overview, the lineage graph and a team page. */
export function warmPaths(firstTeamSlug: string | undefined): string[] {
  const paths = ["/", "/lineage"];
  if (firstTeamSlug) paths.push(`/teams/${encodeURIComponent(firstTeamSlug)}`);
  return paths;
}

/** The build's scripts and stylesheets a document references: what a browser asks for next. */
export function staticAssetsOf(html: string): string[] {
  const found = html.matchAll(/(?:src|href)="(\/(?:_next\/static|_hb)\/[^"?#]+\.(?:js|css))"/g);
  return [...new Set([...found].map((m) => m[1] as string))];
}

async function get(url: URL, accept: string, timeoutMs: number): Promise<Response> {
  return fetch(url, {
    headers: { accept },
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/**
 * Requests each path of `origin` in turn and reads its whole body (a page
 * streams: its render is done only when the body ends), then each script and
 * stylesheet the pages reference, once. Never throws: a page that fails here
 * fails the same way for its first visitor, who sees why.
 */
export async function warmPages(
  origin: string,
  paths: readonly string[],
  timeoutMs = 30_000,
): Promise<{ pages: WarmResult[]; assets: number }> {
  const pages: WarmResult[] = [];
  const assets = new Set<string>();
  for (const path of paths) {
    const start = performance.now();
    let status: number | null = null;
    try {
      const res = await get(new URL(path, origin), "text/html", timeoutMs);
      const body = await res.text();
      status = res.status;
      if (res.headers.get("content-type")?.includes("text/html")) {
        for (const asset of staticAssetsOf(body)) assets.add(asset);
      }
    } catch {
      status = null;
    }
    pages.push({ path, status, ms: Math.round(performance.now() - start) });
  }
  let served = 0;
  for (const asset of assets) {
    try {
      const res = await get(new URL(asset, origin), "*/*", timeoutMs);
      await res.arrayBuffer();
      if (res.ok) served++;
    } catch {
      // A missing chunk is the page's problem, and its visitor's console says so.
    }
  }
  return { pages, assets: served };
}

/** One log line: "/ 200 in 412 ms, /lineage 200 in 96 ms, …; 14 scripts and stylesheets". */
export function describeWarmUp({
  pages,
  assets,
}: {
  pages: readonly WarmResult[];
  assets: number;
}): string {
  const each = pages.map((r) => `${r.path} ${r.status ?? "failed"} in ${r.ms} ms`).join(", ");
  return `${each}; ${assets} scripts and stylesheets`;
}
