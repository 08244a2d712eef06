// Optional access control for Healthboards exposed beyond a trusted network.
// Pure: the proxy hands in the request's path and headers, this decides.

export interface AccessPolicy {
  /** HTTP basic auth with one shared user, from the environment. */
  basic: { user: string; password: string } | null;
  /** Lower-case header an authenticating reverse proxy sets (e.g. x-forwarded-user). */
  trustedUserHeader: string | null;
  /** Badges stay public so README images (fetched by GitHub's camo) keep working. */
  publicBadges: boolean;
}

export type AccessDecision =
  | { allowed: true }
  | { allowed: false; status: 401; headers: Record<string, string>; message: string };

export const OPEN_ACCESS: AccessPolicy = {
  basic: null,
  trustedUserHeader: null,
  publicBadges: false,
};

/** Whether anyone may fetch a badge: no access control, or HEALTHBOARD_PUBLIC_BADGES. */
export function badgesArePublic(policy: AccessPolicy): boolean {
  return (!policy.basic && !policy.trustedUserHeader) || policy.publicBadges;
}

export function decideAccess(
  policy: AccessPolicy,
  pathname: string,
  header: (name: string) => string | null,
): AccessDecision {
  if (!policy.basic && !policy.trustedUserHeader) return { allowed: true };
  // The load balancer's readiness probe carries no credentials and shows no data.
  if (pathname === "/api/health") return { allowed: true };
  if (badgesArePublic(policy) && pathname.startsWith("/badge/")) return { allowed: true };
  if (policy.trustedUserHeader) {
    const user = header(policy.trustedUserHeader);
    return user && user.trim().length > 0
      ? { allowed: true }
      : {
          allowed: false,
          status: 401,
          headers: {},
          message: "Sign in through your organisation's proxy to use Healthboard.",
        };
  }
  const basic = policy.basic;
  if (basic && basicCredentialsMatch(header("authorization"), basic)) return { allowed: true };
  return {
    allowed: false,
    status: 401,
    headers: { "WWW-Authenticate": 'Basic realm="Healthboard", charset="UTF-8"' },
    message: "Healthboard needs a user name and password.",
  };
}

function basicCredentialsMatch(
  authorization: string | null,
  expected: { user: string; password: string },
): boolean {
  const match = authorization?.match(/^Basic ([A-Za-z0-9+/=]{1,1024})$/i);
  if (!match?.[1]) return false;
  let decoded: string;
  try {
    const bytes = Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0));
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Compare the whole "user:password" at once and in constant time, so neither
  // part can be guessed character by character from response times.
  return constantTimeEqual(decoded, `${expected.user}:${expected.password}`);
}

/** Equal strings, compared in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
