import { alertsRuntime } from "@/lib/alerts/alerts-runtime";
import { jsonWithEtag } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

// Alerts pending or firing now, recent history and the delivery log. Secrets
// never appear: payloads hold no webhook URL, routing key or password.
export async function GET(request: Request) {
  const { store, config } = await alertsRuntime();
  const [active, history, deliveries] = await Promise.all([
    store.activeAlerts(),
    store.history(200),
    store.deliveries(200),
  ]);
  return jsonWithEtag(request, {
    dryRun: config.alerts.dryRun,
    rules: config.alerts.rules.map((r) => ({ name: r.name, type: r.type, severity: r.severity })),
    channels: config.alerts.channels.map((c) => ({ name: c.name, type: c.type })),
    active,
    history: history.map((h) => ({
      key: h.key,
      incident: h.incident,
      transition: h.transition,
      at: h.at,
      alert: h.notification.signal,
    })),
    deliveries,
  });
}
