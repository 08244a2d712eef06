import { assetUrl, type DagsterUrls, locationUrl } from "@/lib/links/dagster-links";
import type { AlertNotification } from "../alert-types";

// Links a notification carries: into Healthboard (the graph focused on the
// asset, the alerts page) and into Dagster where the deployment has a UI URL.

export interface LinkContext {
  /** Healthboard's public base URL (alerts.publicUrl). */
  publicUrl: string;
  dagster: DagsterUrls;
}

export interface AlertLinks {
  alerts: string;
  lineage: string | null;
  dagster: string | null;
}

export function alertLinks(n: AlertNotification, ctx: LinkContext): AlertLinks {
  const s = n.signal;
  const key = s.asset ?? s.rootCause?.key ?? null;
  const dagster =
    key && s.deployment
      ? assetUrl(ctx.dagster, s.deployment, key)
      : s.deployment && s.location
        ? locationUrl(ctx.dagster, s.deployment, s.location)
        : null;
  return {
    alerts: `${ctx.publicUrl}/alerts?team=${encodeURIComponent(s.team)}`,
    lineage: key ? focusedGraphUrl(ctx.publicUrl, key) : null,
    dagster,
  };
}

/** The graph focused on an asset; `base` is "" for a link inside Healthboard. */
export function focusedGraphUrl(base: string, key: readonly string[]): string {
  return `${base}/lineage?focus=${encodeURIComponent(JSON.stringify(key))}`;
}

/** A short title: "[FIRING] ml · dependency · analytics's orders_clean is broken…". */
export function alertTitle(n: AlertNotification): string {
  const state = n.transition === "resolved" ? "RESOLVED" : "FIRING";
  return `[${state}] ${n.signal.team} · ${n.signal.rule}: ${n.signal.summary}`;
}

/** The body as plain lines: what, root cause, assets hit, blast radius. */
export function alertLines(n: AlertNotification, max = 20): string[] {
  const s = n.signal;
  const lines = [s.summary];
  if (s.rootCause) {
    const where =
      s.rootCause.key?.join("/") ??
      [s.rootCause.deployment, s.rootCause.location].filter(Boolean).join("/");
    lines.push(
      `Root cause: ${where}${s.rootCause.team ? ` (${s.rootCause.team})` : ""}: ${s.rootCause.words}`,
    );
    if (s.rootCause.error)
      lines.push(`Error: ${s.rootCause.error.split("\n").slice(0, 3).join(" ")}`);
  }
  if (s.affected.length > 0) {
    const shown = s.affected.slice(0, max).map((a) => a.key.join("/"));
    const more = s.affected.length > max ? ` and ${s.affected.length - max} more` : "";
    lines.push(`${s.team}'s assets hit: ${shown.join(", ")}${more}`);
  }
  if (s.blastRadius.length > 0)
    lines.push(`Downstream: ${s.blastRadius.map((b) => `${b.count} of ${b.team}`).join(", ")}`);
  return lines;
}
