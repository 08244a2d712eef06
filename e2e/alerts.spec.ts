import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  type AlertReceiver,
  type ReceivedRequest,
  type SmtpMessage,
  startAlertReceiver,
  startSmtpServer,
} from "./support/alert-receiver.mjs";
import {
  type AlertmanagerServer,
  type AmAlert,
  startAlertmanager,
} from "./support/alertmanager-server";
import { setBroken, workspaceTruth } from "./support/dagster";
import { spawnHealthboard, stopHealthboard } from "./support/spawn-healthboard";

// Alerts end to end (issue 13): the real test Dagster, a Healthboard of its
// own (e2e/healthboard.alerts.yaml), a real Alertmanager read back through its
// API, a local receiver that checks Slack, PagerDuty and webhook payloads
// against their documented formats, and a local SMTP server. Breaking
// ml-platform is the incident; every test fixes it again in `finally`.

const HB_PORT = 3133;
const AM_PORT = 3134;
const RECEIVER_PORT = 3135;
const SMTP_PORT = 3136;
const LOCATION = "ml-platform";
const RULE = "location-down";
const FOR_MS = 3_000; // the rule's `for` in the config
const HOOK_SECRET = "e2e-hook-secret-5b1d";
const HTTP_CHANNELS = ["slack", "pagerduty", "webhook"] as const;

test.describe.configure({ mode: "serial" });

let am: AlertmanagerServer | undefined;
let receiver: AlertReceiver | undefined;
let smtp: { messages: SmtpMessage[]; close(): Promise<void> } | undefined;
let hb: ChildProcess | undefined;
let hbLog: () => string = () => "";
const dataDir = mkdtempSync(path.join(tmpdir(), "hb-alerts-e2e-"));

const hbEnv = {
  HEALTHBOARD_CONFIG: "e2e/healthboard.alerts.yaml",
  HEALTHBOARD_DATA_DIR: dataDir,
  E2E_ALERT_SLACK_URL: `http://127.0.0.1:${RECEIVER_PORT}/slack`,
  E2E_ALERT_PD_KEY: "e2eR0utingKey0123456789abcdefABC", // 32 characters, as PagerDuty's are
  E2E_ALERT_HOOK_URL: `http://127.0.0.1:${RECEIVER_PORT}/webhook`,
  E2E_ALERT_HOOK_SECRET: HOOK_SECRET,
};

async function startHb() {
  const started = await spawnHealthboard(HB_PORT, hbEnv);
  hb = started.child;
  hbLog = started.output;
}

async function stopHb() {
  const child = hb;
  hb = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  stopHealthboard(child);
  await exited;
}

/** Dagster's own word that the location is (not) failing to load. */
async function dagsterSays(failed: boolean) {
  await expect
    .poll(async () => (await workspaceTruth()).find((l) => l.name === LOCATION)?.failed, {
      timeout: 60_000,
    })
    .toBe(failed);
}

async function breakLocation() {
  await setBroken(LOCATION, true);
  await dagsterSays(true);
}

async function fixLocation() {
  await setBroken(LOCATION, false);
  await dagsterSays(false);
}

const isOurs = (a: AmAlert) =>
  a.labels.rule === RULE && a.labels.team === "ml" && a.labels.location === LOCATION;

/** Waits until Alertmanager's API holds `n` of this alert (resolved ones drop out). */
async function expectInAlertmanager(n: number) {
  await expect
    .poll(async () => (await am?.alerts())?.filter(isOurs).length ?? 0, { timeout: 60_000 })
    .toBe(n);
}

/** The transition an HTTP request carries, read from each format's own fields. */
function transitionOf(r: ReceivedRequest): "firing" | "resolved" | null {
  if (r.channel === "pagerduty")
    return r.body?.event_action === "trigger"
      ? "firing"
      : r.body?.event_action === "resolve"
        ? "resolved"
        : null;
  if (r.channel === "webhook") return r.body?.transition === "resolved" ? "resolved" : "firing";
  if (r.channel === "slack")
    return /^\[RESOLVED\]/.test(r.body?.text ?? "")
      ? "resolved"
      : /^\[FIRING\]/.test(r.body?.text ?? "")
        ? "firing"
        : null;
  return null;
}

/** Requests about this location's alert that arrived after index `from`. */
function ours(from: number): ReceivedRequest[] {
  return (receiver?.received ?? []).slice(from).filter((r) => {
    if (r.channel === "webhook") return r.body?.alert?.location === LOCATION;
    if (r.channel === "pagerduty")
      return r.body?.event_action === "resolve" || r.body?.payload?.summary?.includes(LOCATION);
    return (r.body?.text ?? "").includes(LOCATION);
  });
}

function count(from: number, channel: string, transition: "firing" | "resolved") {
  return ours(from).filter((r) => r.channel === channel && transitionOf(r) === transition).length;
}

function mails(from: number, state: "FIRING" | "RESOLVED") {
  return (smtp?.messages ?? [])
    .slice(from)
    .filter((m) => m.subject?.startsWith(`[${state}] ml`) && m.subject.includes(LOCATION));
}

/** Waits until every channel has `n` notifications of the transition. */
async function expectDelivered(
  from: { http: number; mail: number },
  transition: "firing" | "resolved",
  timeout = 60_000,
) {
  for (const channel of HTTP_CHANNELS)
    await expect
      .poll(() => count(from.http, channel, transition), { timeout, message: channel })
      .toBeGreaterThanOrEqual(1);
  await expect
    .poll(() => mails(from.mail, transition === "firing" ? "FIRING" : "RESOLVED").length, {
      timeout,
      message: "email",
    })
    .toBeGreaterThanOrEqual(1);
}

function expectWellFormed(from: number) {
  for (const r of ours(from)) expect(r.problems, `${r.channel} payload`).toEqual([]);
}

/** The incident named by each transport's own stable field, per channel. */
function incidentsOf(from: number) {
  const rs = ours(from);
  return {
    pagerduty: new Set(rs.filter((r) => r.channel === "pagerduty").map((r) => r.body.dedup_key)),
    webhook: new Set(rs.filter((r) => r.channel === "webhook").map((r) => r.body.incident)),
  };
}

/** Exactly one firing and one resolution per channel: delivered once, none lost. */
function expectExactlyOnce(from: { http: number; mail: number }) {
  for (const channel of HTTP_CHANNELS) {
    expect(count(from.http, channel, "firing"), `${channel} firing`).toBe(1);
    expect(count(from.http, channel, "resolved"), `${channel} resolved`).toBe(1);
  }
  expect(mails(from.mail, "FIRING")).toHaveLength(1);
  expect(mails(from.mail, "RESOLVED")).toHaveLength(1);
  // Trigger and resolve name the same incident (PagerDuty's dedup_key).
  const ids = incidentsOf(from.http);
  expect(ids.pagerduty.size).toBe(1);
  expect(ids.webhook.size).toBe(1);
}

const mark = () => ({ http: receiver?.received.length ?? 0, mail: smtp?.messages.length ?? 0 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A previous run that died mid-test may have left the location broken.
  await fixLocation();
  am = await startAlertmanager(AM_PORT);
  receiver = await startAlertReceiver({ port: RECEIVER_PORT, webhookSecret: HOOK_SECRET });
  smtp = await startSmtpServer({ port: SMTP_PORT });
  await startHb();
});

test.afterAll(async () => {
  await stopHb();
  am?.stop();
  await receiver?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a broken location fires an alert in Alertmanager and every channel; fixed, it resolves in both", async () => {
  test.setTimeout(180_000);
  const from = mark();
  try {
    await breakLocation();
    const brokenAt = Date.now();
    await expectInAlertmanager(1);
    const firedAt = Date.now();
    const amAlert = (await am?.alerts())?.find(isOurs);
    expect(amAlert?.labels).toMatchObject({
      alertname: "healthboard_location",
      severity: "critical",
      deployment: "local",
    });
    expect(amAlert?.status.state).toBe("active");
    expect(amAlert?.annotations.summary).toContain(LOCATION);
    // One location refresh (1 s) + `for` (3 s) + one evaluation (1 s), with slack for a busy machine.
    expect(firedAt - brokenAt).toBeLessThan(FOR_MS + 20_000);
    test.info().annotations.push({ type: "fired after", description: `${firedAt - brokenAt} ms` });
    expect(firedAt - brokenAt).toBeGreaterThanOrEqual(FOR_MS - 1_000);

    await expectDelivered(from, "firing");
    expectWellFormed(from.http);
    const hook = ours(from.http).find((r) => r.channel === "webhook");
    expect(hook?.body.alert).toMatchObject({ team: "ml", rule: RULE, location: LOCATION });
    expect(hook?.key).toBe(hook?.body.key);

    await fixLocation();
    await expectInAlertmanager(0);
    await expectDelivered(from, "resolved");
    expectWellFormed(from.http);
    expectExactlyOnce(from);
  } finally {
    await fixLocation();
  }
});

test("a restart while an alert fires sends no duplicate, and the resolution still arrives", async () => {
  test.setTimeout(240_000);
  const from = mark();
  try {
    await breakLocation();
    await expectDelivered(from, "firing");
    await stopHb();
    await startHb();
    // The new process reads the stored state: the alert is firing again, from the same incident…
    await expect
      .poll(
        async () => {
          const res = await fetch(`http://127.0.0.1:${HB_PORT}/api/v1/alerts`);
          const body = (await res.json()) as {
            active: { status: string; signal: { rule: string; location: string | null } }[];
          };
          return body.active.filter((a) => a.signal.rule === RULE && a.status === "firing").length;
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    // …and several evaluations later still nothing new was sent.
    await new Promise((r) => setTimeout(r, 3 * FOR_MS));
    for (const channel of HTTP_CHANNELS) expect(count(from.http, channel, "firing")).toBe(1);
    expect(mails(from.mail, "FIRING")).toHaveLength(1);

    await fixLocation();
    await expectDelivered(from, "resolved");
    expectWellFormed(from.http);
    expectExactlyOnce(from);
    expect((await am?.alerts())?.filter(isOurs) ?? []).toHaveLength(0);
  } finally {
    await fixLocation();
  }
});

test("a channel that is down gets the notification when it is back; the others are not delayed", async () => {
  test.setTimeout(240_000);
  const from = mark();
  try {
    await receiver?.close();
    await breakLocation();
    const brokenAt = Date.now();
    // Alertmanager and email go out while Slack, PagerDuty and the webhook are unreachable.
    await expectInAlertmanager(1);
    await expect.poll(() => mails(from.mail, "FIRING").length, { timeout: 30_000 }).toBe(1);
    expect(Date.now() - brokenAt).toBeLessThan(FOR_MS + 20_000);
    expect(ours(from.http)).toHaveLength(0);
    // Healthboard's delivery log says why the others wait.
    await expect
      .poll(async () => {
        const res = await fetch(`http://127.0.0.1:${HB_PORT}/api/v1/alerts`);
        const body = (await res.json()) as { deliveries: { channel: string; outcome: string }[] };
        return body.deliveries.some((d) => d.channel === "hook" && d.outcome === "failed");
      })
      .toBe(true);

    await receiver?.listen();
    // The back-off doubles up to a minute: delivered within one more minute.
    await expectDelivered(from, "firing", 90_000);
    expectWellFormed(from.http);

    await fixLocation();
    await expectDelivered(from, "resolved", 90_000);
    expectExactlyOnce(from);
  } finally {
    await receiver?.listen().catch(() => undefined); // already listening
    await fixLocation();
  }
});

test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus && hb)
    await info.attach("healthboard.log", { body: hbLog() });
});
