import { type NextRequest, NextResponse } from "next/server";
import { loadConfig } from "@/lib/config/load-config";
import { readToken, serverEnv } from "@/lib/env";
import { namesUnknownEnvironment } from "@/lib/environments/known-deployments";
import {
  decideMetricsAccess,
  METRICS_PATH,
  metricsToken,
} from "@/lib/observability/metrics-access";
import { decideAccess } from "@/lib/security/access-control";
import { securityHeaders } from "@/lib/security/security-headers";

// Every request passes here first: optional access control, then the security
// headers (CSP with a per-request nonce, framing rules) for its kind of route.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A path that is not valid percent-encoded UTF-8 would make Next throw (a
  // 500) before any route runs: it is the client's mistake, so say so.
  try {
    decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return NextResponse.json({ error: "malformed URL" }, { status: 400 });
  }
  const settings = readSettings();
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const headers = securityHeaders({
    pathname,
    nonce,
    frameAncestors: settings?.frameAncestors ?? [],
    dev: process.env.NODE_ENV === "development",
  });
  if (!settings) {
    // The start-up check has already printed which field is wrong; say no more here.
    return new NextResponse("Healthboard is misconfigured; see its server log.", {
      status: 503,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const header = (name: string) => request.headers.get(name);
  const access =
    pathname === METRICS_PATH
      ? decideMetricsAccess(settings.access, metricsToken(settings.metrics, readToken), header)
      : decideAccess(settings.access, pathname, header);
  if (!access.allowed) {
    return new NextResponse(access.message, {
      status: access.status,
      headers: { ...headers, ...access.headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"] ?? "");
  // A page for an environment nobody has: the not-found page with a 404, before
  // a loading skeleton could stream a 200. API routes answer a 400 themselves;
  // badges are images, never the HTML page: team and asset badges answer a 400
  // badge, a location badge ignores `env` like any parameter it does not take.
  const answersItself = pathname.startsWith("/api/") || pathname.startsWith("/badge/");
  const response =
    !answersItself && namesUnknownEnvironment(request.nextUrl)
      ? NextResponse.rewrite(new URL("/_unknown-environment", request.url), {
          request: { headers: forwarded },
        })
      : NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function readSettings() {
  try {
    const config = loadConfig();
    return {
      access: serverEnv().access,
      frameAncestors: config.embed.frameAncestors,
      metrics: config.metrics,
    };
  } catch {
    return null;
  }
}
