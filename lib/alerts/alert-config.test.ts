import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config/parse-config";

const BASE = `
deployments:
  - name: local
    kind: oss
    graphqlUrl: http://127.0.0.1:3070/graphql
teams:
  - slug: ml
    name: ML
  - slug: analytics
    name: Analytics
`;

/** The problems a config with this text is refused for. */
function problems(text: string): string[] {
  const refusal = (() => {
    try {
      parseConfig(text, "test.yaml");
      return null;
    } catch (err) {
      return err;
    }
  })();
  expect(refusal).toBeInstanceOf(ConfigError);
  return (refusal as ConfigError).problems;
}

const GOOD = `${BASE}
alerts:
  publicUrl: https://healthboard.example.com/
  channels:
    - { name: am, type: alertmanager, url: "http://127.0.0.1:9093" }
    - { name: slack-ml, type: slack, webhookUrlEnv: SLACK_ML_URL }
    - { name: pd, type: pagerduty, routingKeyEnv: PD_KEY }
    - { name: hook, type: webhook, urlEnv: HOOK_URL, secretEnv: HOOK_SECRET }
    - name: mail
      type: email
      smtp: { host: smtp.example.com, passwordEnv: SMTP_PASSWORD, userEnv: SMTP_USER }
      from: healthboard@example.com
      to: [ml-oncall@example.com]
  rules:
    - name: cross-team
      type: dependency
      severity: critical
      for: 2m
      renotify: 1h
      routes: [{ team: "*", channels: [am] }, { team: ml, channels: [slack-ml, pd] }]
    - name: ml-health
      type: team_health
      threshold: 0.8
      routes: [{ team: ml, channels: [mail, hook] }]
`;

describe("alerts config", () => {
  it("is optional: no section means no rules and no channels", () => {
    const config = parseConfig(BASE);
    expect(config.alerts.rules).toEqual([]);
    expect(config.alerts.channels).toEqual([]);
    expect(config.alerts.dryRun).toBe(false);
  });

  it("reads durations, defaults and every channel type", () => {
    const { alerts } = parseConfig(GOOD);
    expect(alerts.publicUrl).toBe("https://healthboard.example.com");
    const [dep, team] = alerts.rules;
    expect(dep).toMatchObject({ type: "dependency", for: 120_000, renotify: 3_600_000 });
    expect(dep?.type === "dependency" && dep.on).toEqual(["degraded", "freshness"]);
    expect(team).toMatchObject({ type: "team_health", severity: "warning", for: 0 });
    expect(alerts.channels.map((c) => c.type)).toEqual([
      "alertmanager",
      "slack",
      "pagerduty",
      "webhook",
      "email",
    ]);
    const pd = alerts.channels[2];
    expect(pd?.type === "pagerduty" && pd.eventsUrl).toBe(
      "https://events.pagerduty.com/v2/enqueue",
    );
  });

  it("names the field of a bad duration, a route to an unknown channel or team", () => {
    const text = GOOD.replace("for: 2m", "for: soon")
      .replace("channels: [slack-ml, pd]", "channels: [slack-ml, pager]")
      .replace("team: ml, channels: [mail", "team: finance, channels: [mail");
    expect(problems(text)).toEqual([
      'alerts.rules[0].for: must be a duration such as "30s", "5m", "4h" or "1d"',
    ]);
    // Cross-field checks run once the fields themselves parse.
    const routed = GOOD.replace("channels: [slack-ml, pd]", "channels: [slack-ml, pager]").replace(
      "team: ml, channels: [mail",
      "team: finance, channels: [mail",
    );
    expect(problems(routed)).toEqual([
      'alerts.rules[0].routes[1].channels[1]: names no configured channel ("pager")',
      'alerts.rules[1].routes[0].team: names no configured team ("finance")',
    ]);
  });

  it("refuses a secret written into the config instead of an environment variable name", () => {
    const text = GOOD.replace(
      "webhookUrlEnv: SLACK_ML_URL",
      "webhookUrlEnv: https://hooks.slack.com/services/T000/B000/XXXX",
    );
    expect(problems(text)).toEqual([
      "alerts.channels[1].webhookUrlEnv: must be an environment variable name such as DAGSTER_PROD_TOKEN",
    ]);
  });

  it("names an unknown rule type, a missing threshold and duplicate names", () => {
    expect(problems(GOOD.replace("type: team_health", "type: team_mood"))[0]).toMatch(
      /^alerts\.rules\[1\]\.type: /,
    );
    expect(problems(GOOD.replace("threshold: 0.8", "threshold: 80"))).toEqual([
      "alerts.rules[1].threshold: Too big: expected number to be <=1",
    ]);
    expect(problems(GOOD.replace("name: ml-health", "name: cross-team"))).toEqual([
      'alerts.rules[1].name: duplicates rule "cross-team"',
    ]);
  });

  it("refuses a key pattern that is not a regular expression", () => {
    const text = `${BASE}
alerts:
  channels: [{ name: am, type: alertmanager, url: "http://127.0.0.1:9093" }]
  rules:
    - { name: ml, type: asset_health, keyPattern: "(", routes: [{ team: ml, channels: [am] }] }
`;
    expect(problems(text)).toEqual([
      "alerts.rules[0].keyPattern: must be a valid regular expression",
    ]);
  });
});
