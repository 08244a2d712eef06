import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AlertNotification } from "../alert-types";
import { alertmanagerAlerts, pagerdutyEvent, slackMessage, webhookBody } from "./payloads";
import { webhookSignature } from "./senders";

const CTX = {
  publicUrl: "https://hb.example.com",
  dagster: { prod: "https://dagster.example.com" },
};

const FIRING: AlertNotification = {
  key: 'deps|ml|consumer|["orders"]@1000:firing',
  incident: 'deps|ml|consumer|["orders"]@1000',
  transition: "firing",
  at: 2_000,
  startsAt: 2_000,
  endsAt: null,
  channels: ["am"],
  signal: {
    fingerprint: 'deps|ml|consumer|["orders"]',
    rule: "deps",
    type: "dependency",
    severity: "critical",
    team: "ml",
    role: "consumer",
    deployment: "prod",
    location: "analytics",
    asset: ["orders"],
    summary: "analytics's orders is broken; 2 of ml's assets read from it",
    rootCause: {
      key: ["orders"],
      deployment: "prod",
      location: "analytics",
      team: "analytics",
      words: "ValueError",
      error: "ValueError: <bad> & worse",
    },
    affected: [{ key: ["features"], deployment: "prod", team: "ml" }],
    blastRadius: [{ team: "ml", count: 2 }],
  },
};
const RESOLVED: AlertNotification = {
  ...FIRING,
  transition: "resolved",
  key: "x:resolved",
  endsAt: 9_000,
};

describe("channel payloads", () => {
  it("Alertmanager: the labels the issue names, endsAt only when resolved", () => {
    const [alert] = alertmanagerAlerts(FIRING, CTX);
    expect(alert?.labels).toMatchObject({
      team: "ml",
      location: "analytics",
      asset: "orders",
      rule: "deps",
      severity: "critical",
    });
    expect(alert).not.toHaveProperty("endsAt");
    expect(alert?.generatorURL).toBe(
      `https://hb.example.com/lineage?focus=${encodeURIComponent('["orders"]')}`,
    );
    expect(alertmanagerAlerts(RESOLVED, CTX)[0]?.endsAt).toBe(new Date(9_000).toISOString());
  });

  it("Slack: Block Kit with escaped mrkdwn and link buttons into Healthboard and Dagster", () => {
    const msg = slackMessage(FIRING, CTX);
    expect(msg.blocks.map((b) => b.type)).toEqual(["header", "section", "context", "actions"]);
    const section = msg.blocks[1] as { text: { text: string } };
    expect(section.text.text).toContain("ValueError: &lt;bad&gt; &amp; worse");
    const actions = msg.blocks[3] as { elements: { url: string }[] };
    expect(actions.elements.map((e) => e.url)).toContain(
      "https://dagster.example.com/assets/orders",
    );
  });

  it("PagerDuty: trigger and resolve share one dedup_key; resolve carries no payload", () => {
    const trigger = pagerdutyEvent(FIRING, "rk", CTX);
    const resolve = pagerdutyEvent(RESOLVED, "rk", CTX);
    expect(trigger).toMatchObject({ routing_key: "rk", event_action: "trigger" });
    expect(trigger.payload?.severity).toBe("critical");
    expect(resolve).toEqual({
      routing_key: "rk",
      event_action: "resolve",
      dedup_key: trigger.dedup_key,
    });
  });

  it("webhook: a body receivers can verify with the shared secret", () => {
    const body = JSON.stringify(webhookBody(FIRING, CTX));
    const signature = webhookSignature("s3cret", "1700000000", body);
    const expected = createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex");
    expect(signature).toBe(`v1=${expected}`);
    expect(webhookSignature("other", "1700000000", body)).not.toBe(signature);
    expect(JSON.parse(body)).toMatchObject({ version: 1, key: FIRING.key, transition: "firing" });
  });
});
