import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { parseRetryAfter } from "@/lib/http/retry-after";
import type { ChannelConfig } from "../alert-config";
import type { AlertNotification } from "../alert-types";
import { channelSecretFields, maskSecrets } from "../channel-secrets";
import type { LinkContext } from "./links";
import {
  alertmanagerAlerts,
  emailMessage,
  pagerdutyEvent,
  slackMessage,
  webhookBody,
} from "./payloads";

// One sender per configured channel. A send resolves when the receiver took
// the message and throws otherwise (the dispatcher retries). Secrets are read
// from the environment at send time by the variable names the config gives,
// so they never sit in the config, a payload stored in SQLite, or a page.

export interface Sender {
  /** `signal` cuts the send off (the dispatcher's claim on the item ends). */
  send(n: AlertNotification, signal?: AbortSignal): Promise<void>;
}

export type SecretReader = (variable: string) => string | undefined;

/**
 * A send that failed. `permanent`: the receiver refused this message for good
 * (HTTP 400, 410, 413 or 422: a bad routing key or payload, an archived channel;
 * an SMTP 5xx), so sending it again cannot help. A 401, 403 or 404 is not: an
 * auth proxy or an ingress mid-redeploy answers those for a while.
 * `retryAfterMs`: the receiver asked for a pause.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

const TIMEOUT_MS = 10_000;
/** Answers that refuse the message itself (see DeliveryError). */
const PERMANENT_HTTP = new Set([400, 410, 413, 422]);

/** The HMAC a webhook receiver recomputes: hex SHA-256 over `${timestamp}.${body}`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

async function postJson(
  url: string,
  body: unknown,
  key: string,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<void> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key, ...headers },
    body: text,
    signal: signal
      ? AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), signal])
      : AbortSignal.timeout(TIMEOUT_MS),
  });
  // Read the body so the connection is released; say what the receiver said.
  const answer = await res.text().catch(() => "");
  if (res.ok) return;
  const { status } = res;
  throw new DeliveryError(
    `HTTP ${status}${answer ? `: ${answer.slice(0, 200)}` : ""}`,
    PERMANENT_HTTP.has(status),
    parseRetryAfter(res.headers.get("retry-after")),
  );
}

function need(secret: SecretReader, variable: string): string {
  const value = secret(variable);
  if (!value) throw new Error(`environment variable ${variable} is not set`);
  return value;
}

/**
 * The channel's sender. Its errors never carry a secret: a network error may
 * quote the webhook URL, a receiver may echo the key, and the message goes to
 * the delivery log that /alerts shows.
 */
export function createSender(
  channel: ChannelConfig,
  ctx: LinkContext,
  secret: SecretReader,
): Sender {
  const sender = channelSender(channel, ctx, secret);
  return {
    send: async (n, signal) => {
      try {
        await sender.send(n, signal);
      } catch (err) {
        const secrets = channelSecretFields(channel).map(([, variable]) => secret(variable));
        const message = maskSecrets(err instanceof Error ? err.message : String(err), secrets);
        if (err instanceof DeliveryError)
          throw new DeliveryError(message, err.permanent, err.retryAfterMs);
        throw new DeliveryError(message);
      }
    },
  };
}

function channelSender(channel: ChannelConfig, ctx: LinkContext, secret: SecretReader): Sender {
  switch (channel.type) {
    case "alertmanager":
      return {
        send: (n, signal) =>
          postJson(`${channel.url}/api/v2/alerts`, alertmanagerAlerts(n, ctx), n.key, {}, signal),
      };
    case "slack":
      return {
        send: (n, signal) =>
          postJson(need(secret, channel.webhookUrlEnv), slackMessage(n, ctx), n.key, {}, signal),
      };
    case "pagerduty":
      return {
        send: (n, signal) =>
          postJson(
            channel.eventsUrl,
            pagerdutyEvent(n, need(secret, channel.routingKeyEnv), ctx),
            n.key,
            {},
            signal,
          ),
      };
    case "webhook":
      return {
        send: (n, signal) => {
          const body = JSON.stringify(webhookBody(n, ctx));
          const timestamp = String(Math.floor(Date.now() / 1000));
          const signature = webhookSignature(need(secret, channel.secretEnv), timestamp, body);
          return postJson(
            need(secret, channel.urlEnv),
            body,
            n.key,
            { "x-healthboard-timestamp": timestamp, "x-healthboard-signature": signature },
            signal,
          );
        },
      };
    case "email": {
      const { smtp } = channel;
      return {
        send: async (n, signal) => {
          // nodemailer takes no signal: a claim already over stops the send before it starts.
          signal?.throwIfAborted();
          const user = smtp.userEnv ? need(secret, smtp.userEnv) : undefined;
          const pass = smtp.passwordEnv ? need(secret, smtp.passwordEnv) : undefined;
          const transport = nodemailer.createTransport({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            auth: user ? { user, pass } : undefined,
            connectionTimeout: TIMEOUT_MS,
            greetingTimeout: TIMEOUT_MS,
            socketTimeout: TIMEOUT_MS,
          });
          const { subject, text } = emailMessage(n, ctx);
          try {
            await transport.sendMail({
              from: channel.from,
              to: channel.to,
              subject,
              text,
              headers: { "X-Healthboard-Idempotency-Key": n.key },
            });
          } catch (err) {
            // A 5xx to the envelope or the message (550 no such recipient, 552 too large)
            // refuses this message for good; a 5xx to the login (535, EAUTH) or the
            // connection is the channel's set-up, retried like an HTTP 401.
            const { code, responseCode } = (err ?? {}) as { code?: string; responseCode?: number };
            throw new DeliveryError(
              err instanceof Error ? err.message : String(err),
              (code === "EENVELOPE" || code === "EMESSAGE") &&
                responseCode !== undefined &&
                responseCode >= 500 &&
                responseCode < 600,
            );
          } finally {
            transport.close();
          }
        },
      };
    }
  }
}
