// Types for alert-receiver.mjs.

export interface ReceivedRequest {
  channel: string;
  /** The request's path with its query (several routes may share one channel type). */
  path: string;
  at: number;
  /** The Idempotency-Key header. */
  key: string | null;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: a payload as received, checked at run time
  body: any;
  /** Departures from the channel's documented format; empty when it conforms. */
  problems: string[];
}

export interface AlertReceiver {
  url: string;
  received: ReceivedRequest[];
  listen(): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpMessage {
  at: number;
  from: string | null;
  to: string[];
  subject: string | null;
  key: string | null;
  raw: string;
}

/** Decodes RFC 2047 encoded words in a mail header. */
export function decodeHeader(value: string): string;
export function slackProblems(body: unknown): string[];
export function pagerdutyProblems(body: unknown): string[];
export function webhookProblems(
  body: unknown,
  raw: string,
  headers: Record<string, unknown>,
  secret: string,
  now?: number,
): string[];
export function startAlertReceiver(options: {
  port: number;
  webhookSecret: string;
}): Promise<AlertReceiver>;
export function startSmtpServer(options: {
  port: number;
}): Promise<{ messages: SmtpMessage[]; close(): Promise<void> }>;
