import { createHash } from "node:crypto";

// Compact JSON for the browser with a strong ETag: a poll whose data did not
// change costs a 304 and no body. Compression is Next's (gzip on `next start`).

export function jsonWithEtag(
  request: Request,
  body: unknown,
  init: { maxAgeSeconds?: number } = {},
): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  const headers = {
    etag,
    "cache-control": `private, max-age=${init.maxAgeSeconds ?? 0}, must-revalidate`,
    "content-type": "application/json; charset=utf-8",
  };
  const match = request.headers.get("if-none-match");
  if (match?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers });
}

/** A 400 with a message that names the bad parameter; the input is never echoed raw. */
export function badRequest(message: string): Response {
  return Response.json(
    { error: message },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}
