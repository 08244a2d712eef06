import type { AlertRule } from "./alert-config";
import {
  type AlertCandidate,
  type AlertNotification,
  type AlertSignal,
  type AlertState,
  incidentId,
  type Transition,
} from "./alert-types";

// Prometheus's alert lifecycle, per fingerprint: inactive → pending (the
// condition holds, for less than the rule's `for`) → firing (notify, then
// re-notify every `renotify`) → resolved (the condition is gone: notify once,
// and the state leaves the active set). A pending alert whose condition goes
// away was never told to anyone, so it vanishes silently. Pure: time comes in.

export type RoutedRule = Pick<AlertRule, "name" | "for" | "renotify" | "routes">;

/**
 * How long past its `for` an alert may wait for its root cause's error. The
 * asset's status can show a run failed a moment before the runs loop has read
 * that run (lib/collector/deployment-collector.ts wakes it at once, but it
 * takes seconds on a loaded Dagster): an alert sent then would lack the error
 * that makes it actionable. It fires without the error once this has passed.
 */
export const ERROR_WAIT_MS = 60_000;

export interface AlertStep {
  /** Every alert pending or firing after this step. */
  active: AlertState[];
  /** Fingerprints that left the active set (resolved, or pending no longer). */
  removed: string[];
  notifications: AlertNotification[];
  /**
   * Fingerprints of active states exactly as they were before this step (the
   * same object is in `active`): a store need not write them again.
   */
  unchanged?: ReadonlySet<string>;
}

/** The cheap fields of a signal, as a candidate gives them, already what the state holds. */
function sameSignal(state: AlertSignal, candidate: AlertCandidate["signal"]): boolean {
  for (const [k, v] of Object.entries(candidate)) {
    const held = state[k as keyof AlertSignal];
    if (held === v) continue;
    // The asset key is the only array among them.
    if (!Array.isArray(v) || !Array.isArray(held) || held.join("\u0000") !== v.join("\u0000"))
      return false;
  }
  return true;
}

/** The channels a rule routes a team's alerts to: its own routes and those for "*". */
export function channelsFor(rule: Pick<AlertRule, "routes">, team: string): string[] {
  const out = new Set<string>();
  for (const r of rule.routes)
    if (r.team === "*" || r.team === team) for (const c of r.channels) out.add(c);
  return [...out];
}

/**
 * `keepAbsent`: the snapshot cannot speak for the previous alerts yet (a
 * deployment not read since a restart). One absent from the candidates is kept
 * as it was rather than resolved: resolving it, then firing it again once the
 * data came, would page twice for one incident.
 */
/** `channels` and those already told of the alert's incident, once each. */
const withNotified = (channels: readonly string[], state: AlertState): string[] => [
  ...new Set([...channels, ...(state.notified ?? [])]),
];

export function stepAlerts(
  previous: readonly AlertState[],
  candidates: readonly AlertCandidate[],
  rules: readonly RoutedRule[],
  now: number,
  keepAbsent = false,
): AlertStep {
  const ruleByName = new Map(rules.map((r) => [r.name, r]));
  const before = new Map(previous.map((s) => [s.fingerprint, s]));
  const seen = new Set<string>();
  const active: AlertState[] = [];
  const removed: string[] = [];
  const notifications: AlertNotification[] = [];
  const unchanged = new Set<string>();

  /** Queues a notification; returns the channels it goes to. */
  const notify = (state: AlertState, transition: Transition, endsAt: number | null): string[] => {
    const rule = ruleByName.get(state.signal.rule);
    const routed = rule ? channelsFor(rule, state.signal.team) : [];
    // A PagerDuty incident or a Slack thread that was told of the firing must hear it ended.
    const channels = transition === "resolved" ? withNotified(routed, state) : routed;
    const incident = incidentId(state);
    // Re-notifications are numbered so each one has its own idempotency key.
    const suffix = transition === "renotify" ? `:${state.sent}` : "";
    notifications.push({
      key: `${incident}:${transition}${suffix}`,
      incident,
      transition,
      at: now,
      startsAt: state.firingSince ?? state.activeSince,
      endsAt,
      signal: state.signal,
      channels,
    });
    return channels;
  };

  for (const candidate of candidates) {
    const fingerprint = candidate.signal.fingerprint;
    const rule = ruleByName.get(candidate.signal.rule);
    if (!rule || seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const prev = before.get(fingerprint);
    // Details (graph walks) are worked out for a new alert and whenever it notifies;
    // in between, the last ones are kept and only the cheap fields follow the snapshot.
    const detailed = (): AlertSignal => ({ ...candidate.signal, ...candidate.details() });
    let state: AlertState = prev
      ? sameSignal(prev.signal, candidate.signal)
        ? prev
        : { ...prev, signal: { ...prev.signal, ...candidate.signal } }
      : {
          fingerprint,
          status: "pending",
          activeSince: now,
          firingSince: null,
          lastNotifiedAt: null,
          sent: 0,
          signal: detailed(),
        };
    const due = state.status === "pending" && now - state.activeSince >= rule.for;
    const signal = due && prev ? detailed() : state.signal;
    if (
      due &&
      signal.rootCause?.errorPending &&
      now - state.activeSince < rule.for + ERROR_WAIT_MS
    ) {
      // Held: still pending, with the details as they are now.
      state = { ...state, signal };
    } else if (due) {
      state = {
        ...state,
        signal,
        status: "firing",
        firingSince: now,
        lastNotifiedAt: now,
        sent: 1,
      };
      state = { ...state, notified: withNotified(notify(state, "firing", null), state) };
    } else if (
      state.status === "firing" &&
      rule.renotify > 0 &&
      state.lastNotifiedAt !== null &&
      now - state.lastNotifiedAt >= rule.renotify
    ) {
      state = { ...state, signal: detailed(), lastNotifiedAt: now, sent: state.sent + 1 };
      state = { ...state, notified: withNotified(notify(state, "renotify", null), state) };
    }
    if (state === prev) unchanged.add(fingerprint);
    active.push(state);
  }

  for (const prev of previous) {
    if (seen.has(prev.fingerprint)) continue;
    if (keepAbsent) {
      unchanged.add(prev.fingerprint);
      active.push(prev);
      continue;
    }
    removed.push(prev.fingerprint);
    if (prev.status === "firing") notify(prev, "resolved", now);
  }
  return { active, removed, notifications, unchanged };
}
