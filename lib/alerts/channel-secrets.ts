import type { AlertsConfig, ChannelConfig } from "./alert-config";

// Every environment variable an alert channel names for a secret (webhook URL,
// routing key, HMAC key, SMTP user and password). Checked at start-up, so an
// unset one stops Healthboard with a line naming the field instead of failing
// each delivery later, when the incident is already happening.

/** The channel's `*Env` fields: [path below the channel, variable name]. */
export function channelSecretFields(channel: ChannelConfig): [string[], string][] {
  switch (channel.type) {
    case "alertmanager":
      return [];
    case "slack":
      return [[["webhookUrlEnv"], channel.webhookUrlEnv]];
    case "pagerduty":
      return [[["routingKeyEnv"], channel.routingKeyEnv]];
    case "webhook":
      return [
        [["urlEnv"], channel.urlEnv],
        [["secretEnv"], channel.secretEnv],
      ];
    case "email":
      return [
        ...(channel.smtp.userEnv ? [[["smtp", "userEnv"], channel.smtp.userEnv] as const] : []),
        ...(channel.smtp.passwordEnv
          ? [[["smtp", "passwordEnv"], channel.smtp.passwordEnv] as const]
          : []),
      ].map(([p, v]) => [[...p], v]);
  }
}

/**
 * One line per secret variable that is not set, naming the field, e.g.
 * `alerts.channels[1].webhookUrlEnv: environment variable SLACK_URL is not set`.
 * In dry-run nothing is sent, so nothing is needed.
 */
export function missingChannelSecrets(
  alerts: Pick<AlertsConfig, "channels" | "dryRun">,
  read: (variable: string) => string | undefined,
): string[] {
  if (alerts.dryRun) return [];
  return alerts.channels.flatMap((channel, i) =>
    channelSecretFields(channel)
      .filter(([, variable]) => !read(variable))
      .map(
        ([field, variable]) =>
          `alerts.channels[${i}].${field.join(".")}: environment variable ${variable} is not set`,
      ),
  );
}

/**
 * An error message safe to show: any secret value a sender may have echoed
 * (a webhook URL in a network error, a key in a receiver's answer) is masked.
 */
export function maskSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const s of secrets)
    for (const part of secretParts(s)) if (part.length >= 4) out = out.split(part).join("[secret]");
  return out.slice(0, 300);
}

/**
 * A secret and, for a URL, its path and query: a receiver that echoes the path
 * it was called on (a Slack webhook's secret is its path) echoes no host.
 */
function secretParts(secret: string | undefined): string[] {
  if (!secret) return [];
  try {
    const { pathname, search } = new URL(secret);
    const path = `${pathname}${search}`;
    return path.length >= 8 ? [secret, path] : [secret];
  } catch {
    return [secret];
  }
}
