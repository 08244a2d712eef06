import { serverEnv } from "@/lib/env";
import { badgeCacheControl, svgResponse } from "@/lib/http/svg-response";
import { type AccessPolicy, badgesArePublic } from "@/lib/security/access-control";
import { type BadgeStyle, renderBadge } from "./badge-svg";
import type { BadgeResult } from "./get-badge";

// From a badge result to the HTTP answer. Errors are badges too, so an <img>
// in a wiki always shows something readable.

export function badgeResponse(
  request: Request,
  result: BadgeResult,
  style: BadgeStyle,
  access: AccessPolicy = serverEnv().access,
): Response {
  return svgResponse(request, renderBadge({ ...result.badge, style }), {
    status: result.status,
    cacheControl: badgeCacheControl(
      result.refreshSeconds,
      badgesArePublic(access) ? "public" : "private",
    ),
  });
}

/** A 400 badge naming the bad parameter (its name is ours, never the client's value). */
export function badRequestBadge(request: Request, param: string): Response {
  const svg = renderBadge({ label: "badge", message: `invalid ${param}`, color: "unknown" });
  return svgResponse(request, svg, { status: 400, cacheControl: "no-store" });
}

/** A 404 badge for a URL that names no team, asset or location (or lacks ".svg"). */
export function notFoundBadge(request: Request): Response {
  const svg = renderBadge({ label: "badge", message: "not found", color: "unknown" });
  return svgResponse(request, svg, { status: 404, cacheControl: "no-store" });
}
