import type { AlertNotification } from "./alert-types";

// "Send a test notification" on the alerts page: a firing notification that
// says it is a test, through one channel's real sender, so an operator sees
// the channel work end to end before an incident does. Keys are unique per
// test so a receiver never drops one as a repeat.

export function testNotification(channel: string, now: number): AlertNotification {
  const incident = `healthboard-test|${channel}@${now}`;
  return {
    key: `${incident}:firing`,
    incident,
    transition: "firing",
    at: now,
    startsAt: now,
    endsAt: null,
    channels: [channel],
    signal: {
      fingerprint: `healthboard-test|${channel}`,
      rule: "test-notification",
      type: "location",
      severity: "info",
      team: "healthboard",
      role: "team",
      deployment: null,
      location: null,
      asset: null,
      summary: `Test notification from Healthboard to channel "${channel}": nothing is wrong`,
      rootCause: null,
      affected: [],
      blastRadius: [],
    },
  };
}

/**
 * An error message safe to show: any secret value a sender may have echoed
 * (a webhook URL in a network error, a key in a receiver's answer) is masked.
 */
export function maskSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const s of secrets)
    for (const part of secretParts(s)) if (part.length >= 4) out = out.split(part).join("[secret]");
  return out.slice(0, 300);
}

/**
 * A secret and, for a URL, its path and query: a receiver that echoes the path
 * it was called on (a Slack webhook's secret is its path) echoes no host.
 */
function secretParts(secret: string | undefined): string[] {
  if (!secret) return [];
  try {
    const { pathname, search } = new URL(secret);
    const path = `${pathname}${search}`;
    return path.length >= 8 ? [secret, path] : [secret];
  } catch {
    return [secret];
  }
}
