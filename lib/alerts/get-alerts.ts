import "server-only";
import { alertsRuntime } from "./alerts-runtime";
import { alertRows, groupAlerts, historyRows } from "./alerts-view";
import { type FiringStripModel, loadFiringStrip } from "./firing-strip-model";

// The alerts page's model and the firing strips, read from the alert store
// (whichever replica evaluates, the state is stored).

export async function getAlertsPage() {
  const { store, config, dispatcher } = await alertsRuntime();
  const [active, history] = await Promise.all([store.activeAlerts(), store.history(100)]);
  const rows = alertRows(active);
  return {
    dryRun: config.alerts.dryRun,
    ruleCount: config.alerts.rules.length,
    rows,
    history: historyRows(history),
    byTeam: groupAlerts(rows, "team"),
    byRule: groupAlerts(rows, "rule"),
    channels: config.alerts.channels.map((c) => ({
      name: c.name,
      type: c.type,
      waitingUntil: dispatcher.channelState(c.name).waitingUntil,
    })),
  };
}

/** The firing strip of a page: "unavailable" (never an error) when the store cannot be read. */
export function getFiringStrip(filter: { team?: string }): Promise<FiringStripModel> {
  return loadFiringStrip(async () => (await alertsRuntime()).store.activeAlerts(), filter);
}
