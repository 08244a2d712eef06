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
