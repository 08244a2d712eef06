import { encodeBody, respondWithEtag } from "./etag";

// SVG badges over HTTP. A 200 carries a strong ETag (revalidation costs a 304)
// and a Cache-Control that lets wikis and GitHub's camo proxy cache the image
// for one collector refresh, and serve it stale briefly while they refetch.
// Behind access control a badge is private: a shared cache (a CDN, a corporate
// proxy) would otherwise hand a signed-in user's badge to anyone.

const CONTENT_TYPE = "image/svg+xml; charset=utf-8";

export function badgeCacheControl(
  refreshSeconds: number,
  visibility: "public" | "private" = "public",
): string {
  const maxAge = Math.max(1, Math.round(refreshSeconds));
  return `${visibility}, max-age=${maxAge}, stale-while-revalidate=${Math.max(60, 4 * maxAge)}`;
}

export function svgResponse(
  request: Request,
  svg: string,
  init: { status: number; cacheControl: string },
): Response {
  const headers = { "content-type": CONTENT_TYPE, "cache-control": init.cacheControl };
  if (init.status === 200) return respondWithEtag(request, encodeBody(svg), headers);
  return new Response(svg, { status: init.status, headers });
}
