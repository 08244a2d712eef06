// A local receiver standing in for Slack, PagerDuty and the signed webhook, and
// a local SMTP server for email, for the alerts suite. Each HTTP payload is
// checked against the channel's documented format (Slack Block Kit incoming
// webhooks, PagerDuty Events API v2, Healthboard's webhook with its HMAC) and
// recorded with the problems found; a malformed payload is answered 400 so a
// sender cannot mistake it for delivered. Nothing here imports Healthboard.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

const isString = (v) => typeof v === "string" && v.length > 0;
const isHttpUrl = (v) => isString(v) && /^https?:\/\//.test(v);
const isIso = (v) => isString(v) && !Number.isNaN(Date.parse(v));

/** Slack incoming webhook: `text` fallback and Block Kit blocks (api.slack.com/reference/block-kit). */
export function slackProblems(body) {
  const p = [];
  if (!isString(body.text)) p.push("text: a fallback string is required");
  if (!Array.isArray(body.blocks) || body.blocks.length === 0) return [...p, "blocks: missing"];
  if (body.blocks.length > 50) p.push("blocks: at most 50");
  body.blocks.forEach((b, i) => {
    const at = `blocks[${i}]`;
    if (b.type === "header") {
      if (b.text?.type !== "plain_text") p.push(`${at}.text.type: header text must be plain_text`);
      if (!isString(b.text?.text) || b.text.text.length > 150) p.push(`${at}.text: 1-150 chars`);
    } else if (b.type === "section") {
      if (!["mrkdwn", "plain_text"].includes(b.text?.type)) p.push(`${at}.text.type`);
      if (!isString(b.text?.text) || b.text.text.length > 3000) p.push(`${at}.text: 1-3000 chars`);
    } else if (b.type === "context") {
      if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 10)
        p.push(`${at}.elements: 1-10`);
    } else if (b.type === "actions") {
      if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 25)
        p.push(`${at}.elements: 1-25`);
      for (const [j, e] of (b.elements ?? []).entries()) {
        if (e.type !== "button") p.push(`${at}.elements[${j}].type`);
        if (e.text?.type !== "plain_text" || !isString(e.text?.text) || e.text.text.length > 75)
          p.push(`${at}.elements[${j}].text: plain_text, 1-75 chars`);
        if (e.url !== undefined && (!isHttpUrl(e.url) || e.url.length > 3000))
          p.push(`${at}.elements[${j}].url`);
      }
    } else p.push(`${at}.type: unexpected "${b.type}"`);
  });
  return p;
}

const PD_SEVERITIES = ["critical", "error", "warning", "info"];

/** PagerDuty Events API v2 (developer.pagerduty.com, "Send an Alert Event"). */
export function pagerdutyProblems(body) {
  const p = [];
  if (!isString(body.routing_key) || body.routing_key.length !== 32)
    p.push("routing_key: a 32-character integration key");
  if (!["trigger", "acknowledge", "resolve"].includes(body.event_action)) p.push("event_action");
  if (!isString(body.dedup_key) || body.dedup_key.length > 255) p.push("dedup_key: 1-255 chars");
  if (body.event_action === "trigger") {
    const pl = body.payload ?? {};
    if (!isString(pl.summary) || pl.summary.length > 1024) p.push("payload.summary: 1-1024 chars");
    if (!isString(pl.source)) p.push("payload.source: required");
    if (!PD_SEVERITIES.includes(pl.severity)) p.push("payload.severity");
    if (pl.timestamp !== undefined && !isIso(pl.timestamp)) p.push("payload.timestamp: ISO 8601");
    for (const [j, l] of (body.links ?? []).entries())
      if (!isHttpUrl(l.href)) p.push(`links[${j}].href`);
  }
  return p;
}

/** Healthboard's signed webhook (docs/alerts.md): verified with the shared secret. */
export function webhookProblems(body, raw, headers, secret, now = Date.now()) {
  const p = [];
  const ts = headers["x-healthboard-timestamp"];
  const sig = headers["x-healthboard-signature"];
  if (!/^\d+$/.test(ts ?? "")) p.push("X-Healthboard-Timestamp: Unix seconds");
  else if (Math.abs(now / 1000 - Number(ts)) > 300) p.push("X-Healthboard-Timestamp: too old");
  const want = `v1=${createHmac("sha256", secret).update(`${ts}.${raw}`).digest("hex")}`;
  if (
    !isString(sig) ||
    sig.length !== want.length ||
    !timingSafeEqual(Buffer.from(sig), Buffer.from(want))
  )
    p.push("X-Healthboard-Signature: does not verify");
  if (body.version !== 1) p.push("version: 1");
  for (const f of ["key", "incident", "transition"])
    if (!isString(body[f])) p.push(`${f}: required`);
  if (!["firing", "renotify", "resolved"].includes(body.transition)) p.push("transition");
  if (!isIso(body.at) || !isIso(body.startsAt)) p.push("at/startsAt: ISO 8601");
  if (body.transition === "resolved" ? !isIso(body.endsAt) : body.endsAt !== null)
    p.push("endsAt: set exactly when resolved");
  if (typeof body.alert !== "object" || !isString(body.alert?.team)) p.push("alert.team");
  if (!isHttpUrl(body.links?.alerts)) p.push("links.alerts");
  return p;
}

/**
 * The HTTP receiver: POST /slack, /pagerduty, /webhook. `close()` takes it
 * down (connections refused) and `listen()` brings it back on the same port,
 * keeping what it recorded.
 */
export function startAlertReceiver({ port, webhookSecret }) {
  const received = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const channel = (req.url ?? "").split("?")[0].slice(1);
      let body = null;
      let problems;
      try {
        body = JSON.parse(raw);
      } catch {
        problems = ["body: not JSON"];
      }
      if (body !== null) {
        if (channel === "slack") problems = slackProblems(body);
        else if (channel === "pagerduty") problems = pagerdutyProblems(body);
        else if (channel === "webhook")
          problems = webhookProblems(body, raw, req.headers, webhookSecret);
        else problems = [`no channel at ${req.url}`];
      }
      if (!isString(req.headers["idempotency-key"])) problems.push("Idempotency-Key: missing");
      received.push({
        channel,
        path: req.url ?? "",
        at: Date.now(),
        key: req.headers["idempotency-key"] ?? null,
        headers: req.headers,
        body,
        problems,
      });
      res.writeHead(problems.length === 0 ? 202 : 400, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: problems.length === 0 ? "success" : "invalid", problems }));
    });
  });
  const sockets = new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const listen = () =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  return listen().then(() => ({ url: `http://127.0.0.1:${port}`, received, listen, close }));
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as mail clients do. */
export function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc, text) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_m, h) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/** A local SMTP server (no TLS, no auth) recording each message's raw text and headers. */
export function startSmtpServer({ port }) {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (c) => {
        raw += c;
      });
      stream.on("end", () => {
        const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
        const header = (name) => {
          const value = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim();
          return value === undefined ? null : decodeHeader(value);
        };
        messages.push({
          at: Date.now(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header("Subject"),
          key: header("X-Healthboard-Idempotency-Key"),
          raw,
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        messages,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}
