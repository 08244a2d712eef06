import "server-only";
import type { HealthboardConfig } from "@/lib/config/config-schema";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import { readToken } from "@/lib/env";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { countAlertDelivery } from "@/lib/observability/self-counters";
import { runtime } from "@/lib/runtime/runtime";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { AlertRunner } from "./alert-runner";
import { ALERTS_LEASE, type AlertStore } from "./alert-store";
import type { LinkContext } from "./channels/links";
import { createSender, type Sender } from "./channels/senders";
import { Dispatcher } from "./dispatcher";
import type { AlertStep } from "./state-machine";

// The process's alerting: senders, dispatcher and the runner over the
// runtime's alert store (SQLite alone, PostgreSQL shared by replicas), created
// once (kept on globalThis so dev-mode reloads do not start a second loop).

export interface AlertsRuntime {
  config: HealthboardConfig;
  store: AlertStore;
  senders: Map<string, Sender>;
  dispatcher: Dispatcher;
  links: LinkContext;
  runner: AlertRunner | null;
}

const holder = globalThis as typeof globalThis & {
  __healthboardAlerts?: Promise<AlertsRuntime>;
};

async function createAlertsRuntime(): Promise<AlertsRuntime> {
  const { config, stores } = await runtime();
  // Items are claimed under this replica's name: the alerts lease fences them (PostgreSQL).
  const store = stores.alerts;
  const links = { publicUrl: config.alerts.publicUrl, dagster: dagsterUrls(config.deployments) };
  const senders = new Map(
    config.alerts.channels.map((c) => [c.name, createSender(c, links, readToken)] as const),
  );
  const dispatcher = new Dispatcher(store, senders, {
    dryRun: config.alerts.dryRun,
    holder: stores.replicaId,
    onAttempt: countAlertDelivery,
  });
  return { config, store, senders, dispatcher, links, runner: null };
}

/** Waits for the runtime (its store) on first use; a failed start is retried by the next caller. */
export function alertsRuntime(): Promise<AlertsRuntime> {
  holder.__healthboardAlerts ??= createAlertsRuntime().catch((err: unknown) => {
    holder.__healthboardAlerts = undefined;
    throw err;
  });
  return holder.__healthboardAlerts;
}

/**
 * Starts evaluating on the server, whoever is looking (called from
 * startCollectors). Does nothing without rules.
 */
export async function startAlerts(deps: {
  snapshot: () => Promise<HealthSnapshot>;
  deploys: DeployStore;
  isLeader?: () => boolean;
}): Promise<void> {
  const rt = await alertsRuntime();
  if (rt.runner || rt.config.alerts.rules.length === 0) return;
  const alertmanagers = new Map(
    rt.config.alerts.channels
      .filter((c) => c.type === "alertmanager")
      .flatMap((c) => {
        const sender = rt.senders.get(c.name);
        return sender ? [[c.name, sender] as const] : [];
      }),
  );
  rt.runner = new AlertRunner({
    alerts: rt.config.alerts,
    teams: rt.config.teams,
    store: rt.store,
    dispatcher: rt.dispatcher,
    snapshot: deps.snapshot,
    deploys: deps.deploys,
    runsWindowDays: rt.config.refresh.runsWindowDays,
    isLeader: deps.isLeader,
    alertmanagers,
  });
  // A lease won or lost: another replica may have changed the stored state.
  const { stores } = await runtime();
  stores.leases.onChange((name) => {
    if (name === ALERTS_LEASE) rt.runner?.invalidate();
  });
  rt.runner.start();
}

/** One evaluation now (for a lease holder, or a test); null when alerting is not started. */
export async function runAlertsOnce(): Promise<AlertStep | null> {
  return (await (await alertsRuntime()).runner?.runOnce()) ?? null;
}
