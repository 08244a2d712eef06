import type { AlertRuleType, AlertSeverity } from "./alert-config";

// What the alert engine passes around. Pure data, JSON-safe: states and
// notifications are stored as they are (lib/alerts/alert-store.ts).

/** One asset named in an alert: a key in a deployment (or merge group, first shown). */
export interface AlertAsset {
  key: string[];
  deployment: string;
  team: string | null;
}

/** Why it fired: the asset (or location) where recovery starts, and its error. */
export interface AlertRootCause {
  key: string[] | null;
  deployment: string | null;
  location: string | null;
  team: string | null;
  /** In a few words ("check auc_above_threshold failed", "OutOfMemoryError"). */
  words: string;
  /** The error message itself, when one is known. */
  error: string | null;
  /**
   * Present (true) while the run that failed the asset is not yet among the
   * runs Healthboard has read, so its error is not known yet: the state
   * machine holds such an alert back a little (ERROR_WAIT_MS).
   */
  errorPending?: true;
}

/** A condition true now, for one team: the input of the state machine. */
export interface AlertSignal {
  /** Stable across snapshots for the same problem: (rule, team, subject). */
  fingerprint: string;
  rule: string;
  type: AlertRuleType;
  severity: AlertSeverity;
  team: string;
  /** dependency: the team that owns the broken asset, or a team reading it. */
  role: "owner" | "consumer" | "team";
  /** What the alert is about (Alertmanager labels come from here). */
  deployment: string | null;
  location: string | null;
  asset: string[] | null;
  /** One line: what is wrong. */
  summary: string;
  rootCause: AlertRootCause | null;
  /** This team's assets hit (for a consumer: its assets downstream of the broken one). */
  affected: AlertAsset[];
  /** Everything downstream, per team: who else is hit. */
  blastRadius: { team: string; count: number }[];
}

/** The costly part of a signal (graph walks): worked out only when a state is new or notifies. */
export type AlertDetails = Pick<AlertSignal, "rootCause" | "affected" | "blastRadius">;

/** A condition true now, before its details are worked out. */
export interface AlertCandidate {
  signal: Omit<AlertSignal, keyof AlertDetails>;
  details: () => AlertDetails;
}

/** At most this many assets are named in one alert; `summary` gives the count. */
export const MAX_NAMED_ASSETS = 100;

export type AlertStatus = "pending" | "firing";

/** An alert that is pending or firing; resolved ones leave the active set for the history. */
export interface AlertState {
  fingerprint: string;
  status: AlertStatus;
  /** When the condition became true (the incident starts here). */
  activeSince: number;
  firingSince: number | null;
  lastNotifiedAt: number | null;
  /** Notifications sent for this incident so far (firing, then each re-notification). */
  sent: number;
  signal: AlertSignal;
  /**
   * The channels told of this incident (firing, re-notifications): its
   * resolution goes to them too, though the rule or its routes changed since.
   * Absent in states saved before it was kept.
   */
  notified?: string[];
}

export type Transition = "firing" | "renotify" | "resolved";

/** A state change to deliver, once per channel routed. */
export interface AlertNotification {
  /** Idempotency key per (incident, transition): receivers drop repeats by it. */
  key: string;
  /** One incident: the fingerprint and when it became active. */
  incident: string;
  transition: Transition;
  at: number;
  startsAt: number;
  /** Set when resolved. */
  endsAt: number | null;
  signal: AlertSignal;
  channels: string[];
}

export const incidentId = (s: Pick<AlertState, "fingerprint" | "activeSince">): string =>
  `${s.fingerprint}@${s.activeSince}`;
