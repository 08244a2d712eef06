import type { AlertSeverity } from "./alert-config";
import type { AlertHistoryEntry } from "./alert-store";
import type { AlertState, AlertStatus, Transition } from "./alert-types";
import { focusedGraphUrl } from "./channels/links";

// What the alerts page, the firing strips and the lineage panel show, built
// from the stored state. Pure. Links are relative (the browser is already on
// Healthboard); they come from the same alertLinks the notifications use.

export interface AlertRow {
  fingerprint: string;
  rule: string;
  team: string;
  severity: AlertSeverity;
  status: AlertStatus;
  /** When the condition became true. */
  since: number;
  summary: string;
  /** The asset the alert is about (or its root cause), joined with "/". */
  asset: string | null;
  /** The graph focused on that asset. */
  lineageHref: string | null;
}

export interface HistoryRow {
  key: string;
  rule: string;
  team: string;
  severity: AlertSeverity;
  transition: Transition;
  at: number;
  summary: string;
  lineageHref: string | null;
}

export interface AlertGroup {
  name: string;
  firing: number;
  pending: number;
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

function subject(signal: AlertState["signal"]) {
  // The same subject the notifications link to (alertLinks).
  const key = signal.asset ?? signal.rootCause?.key ?? null;
  return key
    ? { asset: key.join("/"), lineageHref: focusedGraphUrl("", key) }
    : { asset: null, lineageHref: null };
}

/** Active alerts, firing first, then by severity and age (oldest first). */
export function alertRows(active: readonly AlertState[]): AlertRow[] {
  return active
    .map((a) => ({
      fingerprint: a.fingerprint,
      rule: a.signal.rule,
      team: a.signal.team,
      severity: a.signal.severity,
      status: a.status,
      since: a.activeSince,
      summary: a.signal.summary,
      ...subject(a.signal),
    }))
    .sort(
      (x, y) =>
        Number(x.status !== "firing") - Number(y.status !== "firing") ||
        SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] ||
        x.since - y.since,
    );
}

export function historyRows(history: readonly AlertHistoryEntry[]): HistoryRow[] {
  return history.map((h) => ({
    key: h.key,
    rule: h.notification.signal.rule,
    team: h.notification.signal.team,
    severity: h.notification.signal.severity,
    transition: h.transition,
    at: h.at,
    summary: h.notification.signal.summary,
    lineageHref: subject(h.notification.signal).lineageHref,
  }));
}

/** Firing and pending counts per team or per rule, most firing first. */
export function groupAlerts(rows: readonly AlertRow[], by: "team" | "rule"): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const r of rows) {
    const g = groups.get(r[by]) ?? { name: r[by], firing: 0, pending: 0 };
    g[r.status] += 1;
    groups.set(r[by], g);
  }
  return [...groups.values()].sort(
    (a, b) => b.firing - a.firing || b.pending - a.pending || a.name.localeCompare(b.name),
  );
}

/** Firing alerts for one team, or about one asset (its key or its root cause). */
export function firingFor(
  rows: readonly AlertRow[],
  filter: { team?: string; asset?: string },
): AlertRow[] {
  return rows.filter(
    (r) =>
      r.status === "firing" &&
      (filter.team === undefined || r.team === filter.team) &&
      (filter.asset === undefined || r.asset === filter.asset),
  );
}
