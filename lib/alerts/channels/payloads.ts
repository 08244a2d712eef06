import type { AlertSeverity } from "../alert-config";
import type { AlertNotification } from "../alert-types";
import { alertLines, alertLinks, alertTitle, type LinkContext } from "./links";

// Each channel's documented message format, built from a notification. Pure.

const iso = (ms: number) => new Date(ms).toISOString();

/** Alertmanager API v2 `POST /api/v2/alerts` body (postableAlerts). */
export function alertmanagerAlerts(n: AlertNotification, ctx: LinkContext) {
  const s = n.signal;
  const labels: Record<string, string> = {
    alertname: `healthboard_${s.type}`,
    rule: s.rule,
    team: s.team,
    severity: s.severity,
  };
  if (s.deployment) labels.deployment = s.deployment;
  if (s.location) labels.location = s.location;
  if (s.asset) labels.asset = s.asset.join("/");
  if (s.type === "dependency") labels.role = s.role;
  const links = alertLinks(n, ctx);
  return [
    {
      labels,
      annotations: {
        summary: s.summary,
        description: alertLines(n).join("\n"),
        idempotency_key: n.key,
        ...(links.dagster ? { dagster_url: links.dagster } : {}),
      },
      startsAt: iso(n.startsAt),
      ...(n.endsAt !== null ? { endsAt: iso(n.endsAt) } : {}),
      generatorURL: links.lineage ?? links.alerts,
    },
  ];
}

/** Slack incoming webhook body: Block Kit, with a plain `text` fallback. */
export function slackMessage(n: AlertNotification, ctx: LinkContext) {
  const links = alertLinks(n, ctx);
  const mrkdwn = (t: string) =>
    t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const buttons = [
    links.lineage && { text: "Open the graph", url: links.lineage },
    { text: "Alerts", url: links.alerts },
    links.dagster && { text: "Open in Dagster", url: links.dagster },
  ].filter((b): b is { text: string; url: string } => Boolean(b));
  const title = alertTitle(n);
  return {
    text: title,
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150), emoji: false } },
      {
        type: "section",
        text: { type: "mrkdwn", text: mrkdwn(alertLines(n).join("\n")).slice(0, 3000) },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: mrkdwn(`severity ${n.signal.severity} · rule ${n.signal.rule} · key ${n.key}`),
          },
        ],
      },
      {
        type: "actions",
        elements: buttons.map((b) => ({
          type: "button",
          text: { type: "plain_text", text: b.text },
          url: b.url,
        })),
      },
    ],
  };
}

const PD_SEVERITY: Record<AlertSeverity, "critical" | "warning" | "info"> = {
  critical: "critical",
  warning: "warning",
  info: "info",
};

/** PagerDuty Events API v2 event; the dedup_key is the incident, stable from trigger to resolve. */
export function pagerdutyEvent(n: AlertNotification, routingKey: string, ctx: LinkContext) {
  const dedupKey = n.incident.slice(0, 255);
  if (n.transition === "resolved")
    return { routing_key: routingKey, event_action: "resolve" as const, dedup_key: dedupKey };
  const s = n.signal;
  const links = alertLinks(n, ctx);
  return {
    routing_key: routingKey,
    event_action: "trigger" as const,
    dedup_key: dedupKey,
    payload: {
      summary: `${s.team} · ${s.rule}: ${s.summary}`.slice(0, 1024),
      source: s.deployment ? `healthboard/${s.deployment}` : "healthboard",
      severity: PD_SEVERITY[s.severity],
      timestamp: new Date(n.startsAt).toISOString(),
      component: s.asset?.join("/") ?? s.location ?? undefined,
      group: s.team,
      class: s.type,
      custom_details: {
        root_cause: s.rootCause,
        affected: s.affected.slice(0, 50).map((a) => a.key.join("/")),
        blast_radius: s.blastRadius,
        idempotency_key: n.key,
      },
    },
    links: [
      { href: links.alerts, text: "Healthboard alerts" },
      ...(links.lineage ? [{ href: links.lineage, text: "Graph focused on the asset" }] : []),
      ...(links.dagster ? [{ href: links.dagster, text: "Dagster" }] : []),
    ],
  };
}

/** The generic JSON webhook body (docs/alerts.md documents it). */
export function webhookBody(n: AlertNotification, ctx: LinkContext) {
  return {
    version: 1,
    key: n.key,
    incident: n.incident,
    transition: n.transition,
    at: iso(n.at),
    startsAt: iso(n.startsAt),
    endsAt: n.endsAt === null ? null : iso(n.endsAt),
    alert: n.signal,
    links: alertLinks(n, ctx),
  };
}

export function emailMessage(n: AlertNotification, ctx: LinkContext) {
  const links = alertLinks(n, ctx);
  const text = [
    ...alertLines(n, 100),
    "",
    ...(links.lineage ? [`Graph: ${links.lineage}`] : []),
    `Alerts: ${links.alerts}`,
    ...(links.dagster ? [`Dagster: ${links.dagster}`] : []),
    "",
    `Idempotency key: ${n.key}`,
  ].join("\n");
  return { subject: alertTitle(n).slice(0, 200), text };
}
