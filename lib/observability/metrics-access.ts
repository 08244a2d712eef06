import {
  type AccessDecision,
  type AccessPolicy,
  constantTimeEqual,
  decideAccess,
} from "@/lib/security/access-control";
import type { MetricsConfig } from "./metrics-config";

// Who may scrape /metrics (docs/metrics.md, Access). Without `metrics.tokenEnv`
// it is like every other route (docs/access-control.md). With it, a scraper
// sends `Authorization: Bearer <token>` (Prometheus' `authorization` scrape
// setting), since a scraper cannot sign in through an SSO proxy nor send a
// second Authorization header beside basic auth; a person who passes the
// access control still may, and an open Healthboard is open no longer for
// /metrics. Pure: the proxy hands in the token and the request's headers.

export const METRICS_PATH = "/metrics";

export type MetricsToken =
  | { kind: "none" }
  /** The config names a variable that is unset or empty: refuse rather than serve openly. */
  | { kind: "unset"; variable: string }
  | { kind: "token"; value: string };

export type MetricsAccessDecision =
  | AccessDecision
  | { allowed: false; status: 503; headers: Record<string, string>; message: string };

export function metricsToken(
  config: MetricsConfig,
  read: (variable: string) => string | undefined,
): MetricsToken {
  if (!config.tokenEnv) return { kind: "none" };
  const value = read(config.tokenEnv);
  return value ? { kind: "token", value } : { kind: "unset", variable: config.tokenEnv };
}

const bearerOf = (authorization: string | null) =>
  authorization?.match(/^Bearer ([\x21-\x7e]{1,4096})$/i)?.[1] ?? null;

export function decideMetricsAccess(
  policy: AccessPolicy,
  token: MetricsToken,
  header: (name: string) => string | null,
): MetricsAccessDecision {
  const general = decideAccess(policy, METRICS_PATH, header);
  if (token.kind === "none") return general;
  if (token.kind === "unset") {
    return {
      allowed: false,
      status: 503,
      headers: {},
      message: `metrics.tokenEnv names ${token.variable}, which is not set: /metrics is refused until it is.`,
    };
  }
  const bearer = bearerOf(header("authorization"));
  if (bearer !== null && constantTimeEqual(bearer, token.value)) return { allowed: true };
  const controlled = policy.basic !== null || policy.trustedUserHeader !== null;
  if (controlled && general.allowed) return general;
  return {
    allowed: false,
    status: 401,
    headers: { "WWW-Authenticate": 'Bearer realm="Healthboard metrics"' },
    message: "/metrics needs the scrape token (Authorization: Bearer …).",
  };
}
