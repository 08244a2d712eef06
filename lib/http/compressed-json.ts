// The compressed-once representation of a snapshot's JSON (the lineage graph:
// 1.6 MB at 25,000 assets). Next gzips every response itself, with a zlib
// stream per response: a burst of a thousand viewers asking for the graph held
// a thousand deflate states and output buffers at once, and the heap and
// malloc arenas grown for them stayed (BENCHMARKS.md, "RSS per replica").
// Next also drops a content-encoding set by a route, so the gzip bytes cannot
// be sent as `Content-Encoding: gzip`. Instead the browser asks for this media
// type: the body IS a gzip file of the JSON, compressed once per snapshot
// generation and shared by every viewer, and the browser inflates it with
// DecompressionStream. Next leaves it alone (not a compressible type, and
// `no-transform`). Plain JSON stays the default for API users and scripts.
// A request that cannot set Accept (a <link rel=preload>, which the lineage
// page uses to ask for its graph from the document's head) names the
// representation in its URL instead: `?format=gzip`.
// Shared by the route (lib/http/json-response.ts) and the browser's fetches.

import { withParam } from "./href-param";

export const GZIP_JSON_TYPE = "application/vnd.healthboard.json+gzip";

/** True when the request's Accept names the gzip representation (with q > 0). */
export function acceptsGzipJson(accept: string | null): boolean {
  if (!accept) return false;
  return accept.split(",").some((range) => {
    const [type, ...params] = range.split(";").map((p) => p.trim().toLowerCase());
    if (type !== GZIP_JSON_TYPE) return false;
    const q = params.find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The query parameter that names a representation: `json` or `gzip`. */
export const FORMAT_PARAM = "format";
export type JsonFormat = "json" | "gzip";

/** The representation `url` names, null when it names none, or a message naming the bad value. */
export function formatParam(
  url: string,
): { ok: true; value: JsonFormat | null } | { ok: false; message: string } {
  const raw = new URL(url, "http://x").searchParams.getAll(FORMAT_PARAM);
  if (raw.length === 0) return { ok: true, value: null };
  if (raw.length === 1 && (raw[0] === "json" || raw[0] === "gzip")) {
    return { ok: true, value: raw[0] };
  }
  return { ok: false, message: `${FORMAT_PARAM}: must be json or gzip, once` };
}

/** `href` asking for the gzip representation by URL where the browser can inflate it. */
export function gzipJsonHref(href: string): string {
  if (typeof DecompressionStream !== "function") return href;
  return withParam(href, FORMAT_PARAM, "gzip");
}

/**
 * Headers for a browser fetch of snapshot JSON: the gzip representation where
 * the browser can inflate it, plain JSON otherwise (and from any route that
 * only has JSON, which ignores the header).
 */
export function compressedJsonRequestHeaders(): Record<string, string> {
  return typeof DecompressionStream === "function"
    ? { accept: `${GZIP_JSON_TYPE}, application/json;q=0.9` }
    : {};
}

/** The parsed JSON of `res`, whichever representation it carries. */
export async function readJson<T>(res: Response): Promise<T> {
  const type = res.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === GZIP_JSON_TYPE && res.body) {
    const inflated = res.body.pipeThrough(new DecompressionStream("gzip"));
    return (await new Response(inflated).json()) as T;
  }
  return (await res.json()) as T;
}
