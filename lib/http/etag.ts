import { createHash } from "node:crypto";

// Strong ETags and conditional GETs for any body, so JSON, SVG badges and
// Markdown share one rule: a request whose data did not change costs a 304.

export interface Encoded {
  body: Buffer;
  etag: string;
}

export function encodeBody(text: string): Encoded {
  return encodeBytes(Buffer.from(text, "utf8"));
}

/** Bytes with the strong ETag of exactly those bytes. */
export function encodeBytes(body: Buffer): Encoded {
  return { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
}

/** True when If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(request: Request, etag: string): boolean {
  const match = request.headers.get("if-none-match");
  if (!match) return false;
  if (match.trim() === "*") return true;
  return match.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`);
}

/**
 * A 200 carrying `encoded`, or a 304 with the same validators when the client
 * already holds it. Other statuses never become 304s.
 */
export function respondWithEtag(
  request: Request,
  encoded: Encoded,
  headers: Record<string, string>,
  body: BodyInit = new Uint8Array(encoded.body),
): Response {
  const all = { ...headers, etag: encoded.etag };
  if (matchesEtag(request, encoded.etag)) return new Response(null, { status: 304, headers: all });
  return new Response(body, { status: 200, headers: all });
}
