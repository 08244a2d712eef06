import { createHash } from "node:crypto";

// Compact JSON for the browser with a strong ETag: a poll whose data did not
// change costs a 304 and no body. Compression is Next's (gzip on `next start`).

interface Encoded {
  text: string;
  etag: string;
}

function encode(body: unknown): Encoded {
  const text = JSON.stringify(body);
  return { text, etag: `"${createHash("sha1").update(text).digest("base64url")}"` };
}

function respond(request: Request, { text, etag }: Encoded, maxAgeSeconds = 0): Response {
  const headers = {
    etag,
    "cache-control": `private, max-age=${maxAgeSeconds}, must-revalidate`,
    "content-type": "application/json; charset=utf-8",
  };
  const match = request.headers.get("if-none-match");
  if (match?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers });
}

export function jsonWithEtag(
  request: Request,
  body: unknown,
  init: { maxAgeSeconds?: number } = {},
): Response {
  return respond(request, encode(body), init.maxAgeSeconds);
}

// Bodies derived from a snapshot are serialised once per snapshot generation
// and shared by every viewer: 200 viewers polling cost one JSON.stringify.
const MAX_ENTRIES = 256;
const encoded = new Map<string, Encoded & { generation: string }>();

export function snapshotJson(
  request: Request,
  cacheKey: string,
  generation: string,
  build: () => unknown,
): Response {
  let entry = encoded.get(cacheKey);
  if (entry?.generation !== generation) {
    entry = { ...encode(build()), generation };
    if (encoded.size >= MAX_ENTRIES) encoded.clear();
    encoded.set(cacheKey, entry);
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
