import "server-only";
import { countAlertDelivery } from "@/lib/observability/self-counters";
import { alertsRuntime } from "./alerts-runtime";
import { testNotification } from "./test-notification";

export type TestOutcome =
  | { channel: string; outcome: "delivered" | "dry-run" }
  | { channel: string; outcome: "failed"; error: string }
  | { channel: string; outcome: "unknown-channel" };

/** Sends one test notification through a configured channel now (not through the outbox). */
export async function sendTestNotification(channel: string): Promise<TestOutcome> {
  const { config, senders } = await alertsRuntime();
  const conf = config.alerts.channels.find((c) => c.name === channel);
  const sender = senders.get(channel);
  if (!conf || !sender) return { channel, outcome: "unknown-channel" };
  if (config.alerts.dryRun) return { channel, outcome: "dry-run" };
  try {
    await sender.send(testNotification(channel, Date.now()));
    countAlertDelivery(channel, "delivered");
    return { channel, outcome: "delivered" };
  } catch (err) {
    countAlertDelivery(channel, "failed");
    // The channel's sender masked its secrets (createSender in channels/senders.ts).
    return { channel, outcome: "failed", error: err instanceof Error ? err.message : String(err) };
  }
}
