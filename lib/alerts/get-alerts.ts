import "server-only";
import { alertsRuntime } from "./alerts-runtime";
import { type AlertRow, alertRows, firingFor, groupAlerts, historyRows } from "./alerts-view";

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

/** Firing alerts for a team or an asset (its key joined with "/"); all firing without a filter. */
export async function getFiringAlerts(filter: {
  team?: string;
  asset?: string;
}): Promise<AlertRow[]> {
  return firingFor(alertRows(await (await alertsRuntime()).store.activeAlerts()), filter);
}
