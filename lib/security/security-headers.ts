// The security headers of every response, by kind of route. Pure, so the rules
// are unit-tested; proxy.ts applies them.

export type RouteKind = "embed" | "badge" | "api" | "static" | "page";

export function routeKind(pathname: string): RouteKind {
  if (pathname === "/embed" || pathname.startsWith("/embed/")) return "embed";
  if (pathname.startsWith("/badge/")) return "badge";
  if (pathname.startsWith("/api/")) return "api";
  if (pathname.startsWith("/_next/static/")) return "static";
  return "page";
}

export interface HeaderInputs {
  pathname: string;
  /** Per-request nonce for Next's inline scripts (documents only). */
  nonce: string;
  /** Origins allowed to frame /embed/* (config embed.frameAncestors). */
  frameAncestors: readonly string[];
  /** Development builds evaluate code for fast refresh. */
  dev: boolean;
}

export function securityHeaders(input: HeaderInputs): Record<string, string> {
  const kind = routeKind(input.pathname);
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  // Embeds may be framed by the configured wiki origins and by Healthboard
  // itself (same origin); nothing else may be framed at all.
  if (kind === "embed") {
    headers["Content-Security-Policy"] = documentPolicy(input, ["'self'", ...input.frameAncestors]);
  } else {
    headers["X-Frame-Options"] = "DENY";
    headers["Content-Security-Policy"] =
      kind === "page"
        ? documentPolicy(input, ["'none'"])
        : // JSON, SVG and static files are never documents that run code.
          "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
  }
  return headers;
}

function documentPolicy(input: HeaderInputs, ancestors: readonly string[]): string {
  const script = [`'self'`, `'nonce-${input.nonce}'`, "'strict-dynamic'"];
  if (input.dev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // recharts and React set style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(" ")}`,
  ].join("; ");
}
