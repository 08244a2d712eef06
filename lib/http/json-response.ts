import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { loadConfig } from "@/lib/config/load-config";
import { acceptsGzipJson, formatParam, GZIP_JSON_TYPE } from "./compressed-json";
import { type Encoded, encodeBody, encodeBytes, respondWithEtag } from "./etag";

// Compact JSON for the browser with a strong ETag: a poll whose data did not
// change costs a 304 and no body. Bodies derived from a snapshot are encoded
// once per snapshot generation and shared by every viewer.

function encode(value: unknown): Encoded {
  return encodeBody(JSON.stringify(value));
}

/**
 * How long a browser may reuse an API body without asking: half the fastest
 * refresh interval, so nothing is more than half a refresh behind. Twenty
 * embeds of one team on a wiki page, which poll together, then share one
 * response through the browser's HTTP cache instead of asking twenty times.
 */
function pollMaxAgeSeconds(): number {
  const { assetStatusSeconds, locationStatusSeconds } = loadConfig().refresh;
  return Math.max(1, Math.floor(Math.min(assetStatusSeconds, locationStatusSeconds) / 2));
}

interface Representation {
  contentType: string;
  vary: string;
  /** False for bytes that are already gzip: `no-transform` keeps Next's compression (and proxies) off them. */
  transform: boolean;
}

const JSON_TYPE = "application/json; charset=utf-8";
/** Routes with one representation. */
const JSON_ONLY: Representation = {
  contentType: JSON_TYPE,
  vary: "accept-encoding",
  transform: true,
};
/** Snapshot routes answer by Accept, so a cache must keep the two apart. */
const NEGOTIATED_JSON: Representation = { ...JSON_ONLY, vary: "accept, accept-encoding" };
const NEGOTIATED_GZIP: Representation = {
  contentType: GZIP_JSON_TYPE,
  vary: "accept, accept-encoding",
  transform: false,
};
/** `?format=gzip`: the URL decides, so a preload (which sends its own Accept) matches the fetch that takes it. */
const BY_URL_GZIP: Representation = { ...NEGOTIATED_GZIP, vary: "accept-encoding" };

function respond(
  request: Request,
  encoded: Encoded,
  representation: Representation = JSON_ONLY,
  maxAgeSeconds = pollMaxAgeSeconds(),
): Response {
  const headers: Record<string, string> = {
    "cache-control": `private, max-age=${maxAgeSeconds}, must-revalidate${representation.transform ? "" : ", no-transform"}`,
    "content-type": representation.contentType,
    vary: representation.vary,
  };
  // Plain JSON is compressed by Next (`next start` gzips responses), which
  // drops a content-encoding header set here: gzip bytes go out only as the
  // gzip media type (lib/http/compressed-json.ts), never as an encoding.
  return respondWithEtag(request, encoded, headers, shared(encoded.body));
}

const CHUNK = 64 * 1024;

/**
 * A stream over the shared body in views, not copies: a burst of viewers
 * asking for the same large body holds one copy of it, not one each.
 */
function shared(body: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.length) {
        controller.close();
        return;
      }
      controller.enqueue(body.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

// Shared models (a team page's, built once per step) are encoded once too.
const encodedByValue = new WeakMap<object, Encoded>();

export function jsonWithEtag(
  request: Request,
  value: unknown,
  init: { maxAgeSeconds?: number } = {},
): Response {
  if (typeof value !== "object" || value === null) {
    return respond(request, encode(value), JSON_ONLY, init.maxAgeSeconds);
  }
  let encoded = encodedByValue.get(value);
  if (!encoded) {
    encoded = encode(value);
    encodedByValue.set(value, encoded);
  }
  return respond(request, encoded, JSON_ONLY, init.maxAgeSeconds);
}

const gzipAsync = promisify(gzip);

interface SnapshotEntry extends Encoded {
  generation: string;
  /** The gzip representation, compressed on its first request (off the event loop). */
  gzipped?: Promise<Encoded>;
}

const MAX_ENTRIES = 256;
const cache = new Map<string, SnapshotEntry>();

/** The body gzipped, with a strong ETag of the gzip bytes (a different representation, a different tag). */
async function gzipOnce(plain: Encoded): Promise<Encoded> {
  return encodeBytes(await gzipAsync(plain.body));
}

/**
 * The JSON of a body derived from a snapshot, encoded once per generation and
 * shared by every reader of `cacheKey` (the route below, and the lineage page,
 * which puts the same graph in its document). The same object while the
 * generation stays.
 */
export function snapshotBody(cacheKey: string, generation: string, build: () => unknown): Encoded {
  let entry = cache.get(cacheKey);
  if (entry?.generation !== generation) {
    entry = { ...encode(build()), generation };
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(cacheKey, entry);
  }
  return entry;
}

/**
 * A body derived from a snapshot, encoded once per generation and shared by
 * every request: plain JSON, or, when the request's Accept names it, the same
 * JSON gzipped once (lib/http/compressed-json.ts), which the browser asks for.
 */
export async function snapshotJson(
  request: Request,
  cacheKey: string,
  generation: string,
  build: () => unknown,
): Promise<Response> {
  // A representation named in the URL is that URL's only one; otherwise Accept
  // decides. A bad one is refused before the body is built or encoded.
  const format = formatParam(request.url);
  if (!format.ok) return badRequest(format.message);
  const entry = snapshotBody(cacheKey, generation, build) as SnapshotEntry;
  const gzipped =
    format.value === null
      ? acceptsGzipJson(request.headers.get("accept"))
      : format.value === "gzip";
  if (!gzipped) return respond(request, entry, format.value ? JSON_ONLY : NEGOTIATED_JSON);
  const current = entry;
  current.gzipped ??= gzipOnce(current).catch((err) => {
    current.gzipped = undefined; // the next request tries again
    throw err;
  });
  return respond(request, await current.gzipped, format.value ? BY_URL_GZIP : NEGOTIATED_GZIP);
}

/** A 400 with a message that names the bad parameter; the input is never echoed raw. */
export function badRequest(message: string): Response {
  return Response.json(
    { error: message },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}
