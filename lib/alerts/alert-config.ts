import { z } from "zod";
import { envVarName, httpUrl, slug } from "@/lib/config/config-fields";

// The `alerts:` section of healthboard.config.yaml: rules (what fires, for whom)
// and channels (where notifications go). Secrets (webhook URLs, routing keys,
// SMTP passwords, HMAC keys) are only ever named by environment variable
// (`*Env`), like Dagster tokens: the config file and the browser never hold one.

const channelName = slug;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration as Prometheus writes it (`30s`, `5m`, `4h`, `1d`, `0s`), or seconds as a number; in ms. */
export const duration = z.union([z.number().min(0), z.string()]).transform((v, ctx) => {
  if (typeof v === "number") return Math.round(v * 1000);
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(v.trim());
  if (!m) {
    ctx.issues.push({
      code: "custom",
      input: v,
      message: 'must be a duration such as "30s", "5m", "4h" or "1d"',
    });
    return z.NEVER;
  }
  return Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
});

export const SEVERITIES = ["critical", "warning", "info"] as const;
export type AlertSeverity = (typeof SEVERITIES)[number];

const route = z.strictObject({
  /** A team slug, or "*" for every team. */
  team: z.string().min(1),
  channels: z.array(channelName).min(1, "must name at least one channel"),
});

const ruleBase = {
  name: channelName,
  severity: z.enum(SEVERITIES).default("warning"),
  /** Pending before firing (Prometheus's `for`). */
  for: duration.default(0),
  /** Re-send a firing alert this often; 0 never. */
  renotify: duration.default(4 * 3_600_000),
  routes: z.array(route).min(1, "must route the rule to at least one team's channels"),
};

const healthState = z.enum(["DEGRADED", "WARNING"]);
const freshnessLevel = z.enum(["warn", "fail"]);

const pattern = z.string().refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, "must be a valid regular expression");

export const ruleSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...ruleBase,
    type: z.literal("dependency"),
    /** What of the upstream asset counts: its health DEGRADED, or its freshness failing. */
    on: z
      .array(z.enum(["degraded", "freshness"]))
      .min(1)
      .default(["degraded", "freshness"]),
    /** Tell the owning team too (one alert of its own). */
    notifyOwner: z.boolean().default(true),
  }),
  z.strictObject({
    ...ruleBase,
    type: z.literal("asset_health"),
    states: z.array(healthState).min(1).default(["DEGRADED"]),
    kinds: z.array(z.string().min(1)).default([]),
    groups: z.array(z.string().min(1)).default([]),
    /** A regular expression over the key joined with "/". */
    keyPattern: pattern.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    type: z.literal("freshness"),
    levels: z.array(freshnessLevel).min(1).default(["warn", "fail"]),
  }),
  z.strictObject({ ...ruleBase, type: z.literal("location") }),
  z.strictObject({ ...ruleBase, type: z.literal("deploy") }),
  z.strictObject({
    ...ruleBase,
    type: z.literal("team_health"),
    /** Fires when the share of healthy owned assets is below this (0–1). */
    threshold: z.number().gt(0).max(1),
  }),
]);

const channelBase = { name: channelName };

export const channelSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...channelBase,
    type: z.literal("alertmanager"),
    /** Alertmanager's base URL; alerts go to `${url}/api/v2/alerts`. */
    url: httpUrl,
  }),
  z.strictObject({ ...channelBase, type: z.literal("slack"), webhookUrlEnv: envVarName }),
  z.strictObject({
    ...channelBase,
    type: z.literal("pagerduty"),
    routingKeyEnv: envVarName,
    eventsUrl: httpUrl.default("https://events.pagerduty.com/v2/enqueue"),
  }),
  z.strictObject({
    ...channelBase,
    type: z.literal("webhook"),
    urlEnv: envVarName,
    /** HMAC-SHA256 key: the body's signature goes in X-Healthboard-Signature. */
    secretEnv: envVarName,
  }),
  z.strictObject({
    ...channelBase,
    type: z.literal("email"),
    smtp: z.strictObject({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535).default(587),
      /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
      secure: z.boolean().default(false),
      userEnv: envVarName.optional(),
      passwordEnv: envVarName.optional(),
    }),
    from: z.email(),
    to: z.array(z.email()).min(1, "must list at least one recipient"),
  }),
]);

export const alertsSchema = z
  .strictObject({
    /** Record what would be sent in the delivery log, send nothing. */
    dryRun: z.boolean().default(false),
    /** Healthboard's address as readers reach it, for links in notifications. */
    publicUrl: httpUrl.default("http://localhost:3000"),
    /** How often the engine looks at the snapshot (a `for` is honoured to this precision). */
    evaluateSeconds: z.number().positive().max(300).default(5),
    channels: z.array(channelSchema).default([]),
    rules: z.array(ruleSchema).default([]),
  })
  .prefault({});

export type AlertsConfig = z.infer<typeof alertsSchema>;
export type AlertRule = z.infer<typeof ruleSchema>;
export type AlertRuleType = AlertRule["type"];
export type ChannelConfig = z.infer<typeof channelSchema>;

type Issue = { code: "custom"; input: unknown; path: PropertyKey[]; message: string };

/** Cross-field checks: unique names, routes naming configured teams and channels. */
export function alertsIssues(alerts: AlertsConfig, teamSlugs: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const push = (path: PropertyKey[], input: unknown, message: string) =>
    issues.push({ code: "custom", input, path: ["alerts", ...path], message });
  const channels = new Set<string>();
  alerts.channels.forEach((c, i) => {
    if (channels.has(c.name))
      push(["channels", i, "name"], c.name, `duplicates channel "${c.name}"`);
    channels.add(c.name);
  });
  const rules = new Set<string>();
  alerts.rules.forEach((r, i) => {
    if (rules.has(r.name)) push(["rules", i, "name"], r.name, `duplicates rule "${r.name}"`);
    rules.add(r.name);
    r.routes.forEach((route, j) => {
      if (route.team !== "*" && !teamSlugs.has(route.team))
        push(
          ["rules", i, "routes", j, "team"],
          route.team,
          `names no configured team ("${route.team}")`,
        );
      route.channels.forEach((c, k) => {
        if (!channels.has(c))
          push(["rules", i, "routes", j, "channels", k], c, `names no configured channel ("${c}")`);
      });
    });
  });
  return issues;
}
