import { afterEach, describe, expect, it } from "vitest";
import { json, type ScriptedServer, startScriptedServer } from "@/lib/testing/scripted-server";
import { firingNotification } from "../notification-fixtures";
import { createSender, DeliveryError } from "./senders";

// What a failed send tells the dispatcher: whether sending again can help, how
// long the receiver asked to wait, and never a secret (the message goes to the
// delivery log that /alerts shows).

const ctx = { publicUrl: "http://healthboard.test", dagster: {} };
const slack = { name: "slack-ml", type: "slack" as const, webhookUrlEnv: "SLACK_URL" };
const n = firingNotification(0, ["slack-ml"]);

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(reply: Parameters<typeof startScriptedServer>[0][number]) {
  server = await startScriptedServer([reply]);
  const url = `${server.url}/services/T000/B000/s3cr3t-token`;
  const err = await createSender(slack, ctx, () => url)
    .send(n)
    .catch((e: unknown) => e);
  return { err: err as DeliveryError, url };
}

describe("channel senders", () => {
  it("call a refusal of the message permanent (400), not a proxy's 404 or a 503, and carry a Retry-After", async () => {
    const refused = await failure(json({ error: "invalid_token" }, 400));
    expect(refused.err).toBeInstanceOf(DeliveryError);
    expect(refused.err.permanent).toBe(true);
    const limited = await failure(json({}, 429, { "retry-after": "30" }));
    expect(limited.err.permanent).toBe(false);
    expect(limited.err.retryAfterMs).toBe(30_000);
    const down = await failure(json({}, 503));
    expect(down.err.permanent).toBe(false);
    // An ingress or auth proxy mid-redeploy: not the message's fault, so tried again.
    const proxy = await failure(json({}, 404));
    expect(proxy.err.permanent).toBe(false);
  });

  it("never put the webhook URL in an error, even when fetch quotes it", async () => {
    // A docker env_file keeps the quotes: fetch cannot parse the URL and says which.
    const quoted = "'https://hooks.slack.com/services/T000/B000/s3cr3t-token'";
    const err = (await createSender(slack, ctx, () => quoted)
      .send(n)
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err.message).not.toContain("s3cr3t-token");
    expect(err.message).toContain("[secret]");
    // A receiver that echoes the URL it was called on.
    const echoed = await failure((req, res) => {
      res.statusCode = 404;
      res.end(`no such hook: ${req.url}`);
    });
    expect(echoed.err.message).toMatch(/^HTTP 404/);
    expect(echoed.err.message).not.toContain("s3cr3t-token");
  });
});
