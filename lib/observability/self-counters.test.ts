import { afterEach, describe, expect, it } from "vitest";
import { CodeLocationStatusesDocument } from "@/lib/dagster/generated/graphql";
import { dagsterRequest } from "@/lib/dagster/transport";
import { json, type ScriptedServer, startScriptedServer } from "@/lib/testing/scripted-server";
import { countAlertDelivery, selfCounters } from "./self-counters";

// The counters are fed by the real transport over real HTTP: one request
// counted per attempt, one error per failed attempt.

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sample(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await selfCounters().registry.getSingleMetric(name)?.get();
  const match = metric?.values.find((v) =>
    Object.entries(labels).every(([k, x]) => v.labels[k] === x),
  );
  return match?.value ?? 0;
}

describe("self counters", () => {
  it("count upstream requests and errors by deployment and operation", async () => {
    const labels = { deployment: "count-test", operation: "CodeLocationStatuses" };
    const before = await sample("healthboard_upstream_requests_total", labels);
    server = await startScriptedServer([
      json({}, 503),
      json({ data: { locationStatusesOrError: { __typename: "PythonError" } } }),
    ]);
    const target = {
      deployment: "count-test",
      kind: "oss" as const,
      graphqlUrl: server.url,
      timeoutMs: 2_000,
    };
    await dagsterRequest(target, CodeLocationStatusesDocument, {}, { sleep: async () => {} });
    expect(server.requests).toHaveLength(2);
    expect(await sample("healthboard_upstream_requests_total", labels)).toBe(before + 2);
    expect(
      await sample("healthboard_upstream_errors_total", { ...labels, error: "DagsterHttpError" }),
    ).toBe(1);
  });

  it("count alert deliveries for the alert channels", async () => {
    const before = await sample("healthboard_alert_deliveries_total", { channel: "slack" });
    countAlertDelivery("slack", "delivered");
    countAlertDelivery("slack", "failed");
    expect(
      await sample("healthboard_alert_deliveries_total", {
        channel: "slack",
        outcome: "delivered",
      }),
    ).toBe(before + 1);
  });
});
