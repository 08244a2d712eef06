import type { AlertNotification, AlertSignal } from "./alert-types";

// Fixtures for the alert tests: a location-down signal and its firing
// notification. Test data only (imported by *.test.ts).

/** Team `team`'s location `location` is down. */
export function locationSignal(i: number, team = "ml", location = "ml"): AlertSignal {
  return {
    fingerprint: `f${i}`,
    rule: "r",
    type: "location",
    severity: "critical",
    team,
    role: "team",
    deployment: "prod",
    location,
    asset: null,
    summary: `problem ${i}`,
    rootCause: null,
    affected: [],
    blastRadius: [],
  };
}

/** The firing notification of incident `n${i}`, routed to `channels`. */
export function firingNotification(i: number, channels: string[]): AlertNotification {
  return {
    key: `n${i}:firing`,
    incident: `n${i}`,
    transition: "firing",
    at: 0,
    startsAt: 0,
    endsAt: null,
    channels,
    signal: locationSignal(i),
  };
}
