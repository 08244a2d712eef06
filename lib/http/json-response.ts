import { loadConfig } from "@/lib/config/load-config";
import { type Encoded, encodeBody, respondWithEtag } from "./etag";

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

function respond(
  request: Request,
  encoded: Encoded,
  maxAgeSeconds = pollMaxAgeSeconds(),
): Response {
  const headers: Record<string, string> = {
    "cache-control": `private, max-age=${maxAgeSeconds}, must-revalidate`,
    "content-type": "application/json; charset=utf-8",
    vary: "accept-encoding",
  };
  // Compression is Next's (`next start` gzips responses). Next drops a
  // content-encoding header set here, so pre-compressed bytes would reach the
  // browser undecodable: bodies must leave this function plain.
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
    return respond(request, encode(value), init.maxAgeSeconds);
  }
  let encoded = encodedByValue.get(value);
  if (!encoded) {
    encoded = encode(value);
    encodedByValue.set(value, encoded);
  }
  return respond(request, encoded, init.maxAgeSeconds);
}

const MAX_ENTRIES = 256;
const cache = new Map<string, Encoded & { generation: string }>();

export function snapshotJson(
  request: Request,
  cacheKey: string,
  generation: string,
  build: () => unknown,
): Response {
  let entry = cache.get(cacheKey);
  if (entry?.generation !== generation) {
    entry = { ...encode(build()), generation };
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(cacheKey, entry);
  }
  return respond(request, entry);
}

/** A 400 with a message that names the bad parameter; the input is never echoed raw. */
export function badRequest(message: string): Response {
  return Response.json(
    { error: message },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}
