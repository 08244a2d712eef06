import { describe, expect, it } from "vitest";
import { alertsSchema } from "./alert-config";
import { missingChannelSecrets } from "./channel-secrets";

const alerts = alertsSchema.parse({
  channels: [
    { name: "am", type: "alertmanager", url: "http://am:9093" },
    { name: "slack", type: "slack", webhookUrlEnv: "SLACK_URL" },
    { name: "pd", type: "pagerduty", routingKeyEnv: "PD_KEY" },
    { name: "hook", type: "webhook", urlEnv: "HOOK_URL", secretEnv: "HOOK_SECRET" },
    {
      name: "mail",
      type: "email",
      smtp: { host: "smtp", userEnv: "SMTP_USER", passwordEnv: "SMTP_PASSWORD" },
      from: "hb@example.com",
      to: ["oncall@example.com"],
    },
  ],
});

const env = (set: Record<string, string>) => (v: string) => set[v];

describe("missingChannelSecrets", () => {
  it("names each unset variable by its field", () => {
    expect(missingChannelSecrets(alerts, env({ PD_KEY: "k", HOOK_URL: "http://h" }))).toEqual([
      "alerts.channels[1].webhookUrlEnv: environment variable SLACK_URL is not set",
      "alerts.channels[3].secretEnv: environment variable HOOK_SECRET is not set",
      "alerts.channels[4].smtp.userEnv: environment variable SMTP_USER is not set",
      "alerts.channels[4].smtp.passwordEnv: environment variable SMTP_PASSWORD is not set",
    ]);
  });

  it("is satisfied when every named variable is set", () => {
    const all = env({
      SLACK_URL: "a",
      PD_KEY: "b",
      HOOK_URL: "c",
      HOOK_SECRET: "d",
      SMTP_USER: "e",
      SMTP_PASSWORD: "f",
    });
    expect(missingChannelSecrets(alerts, all)).toEqual([]);
  });

  it("asks for nothing in dry-run, which sends nothing", () => {
    expect(missingChannelSecrets({ ...alerts, dryRun: true }, env({}))).toEqual([]);
  });

  it("treats an empty variable as unset", () => {
    const slackOnly = { ...alerts, channels: alerts.channels.slice(1, 2) };
    expect(missingChannelSecrets(slackOnly, (v) => (v === "SLACK_URL" ? "" : undefined))).toEqual([
      "alerts.channels[0].webhookUrlEnv: environment variable SLACK_URL is not set",
    ]);
  });
});
