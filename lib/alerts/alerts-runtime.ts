import "server-only";
import path from "node:path";
import type { HealthboardConfig } from "@/lib/config/config-schema";
import { loadConfig } from "@/lib/config/load-config";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import { readToken, serverEnv } from "@/lib/env";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { countAlertDelivery } from "@/lib/observability/self-counters";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { AlertRunner } from "./alert-runner";
import type { AlertStore } from "./alert-store";
import type { LinkContext } from "./channels/links";
import { createSender, type Sender } from "./channels/senders";
import { Dispatcher } from "./dispatcher";
import { SqliteAlertStore } from "./sqlite-alert-store";
import type { AlertStep } from "./state-machine";

// The process's alerting: store, senders, dispatcher and the runner, created
// once (kept on globalThis so dev-mode reloads do not start a second loop).

export interface AlertsRuntime {
  config: HealthboardConfig;
  store: AlertStore;
  senders: Map<string, Sender>;
  dispatcher: Dispatcher;
  links: LinkContext;
  runner: AlertRunner | null;
}

const holder = globalThis as typeof globalThis & { __healthboardAlerts?: AlertsRuntime };

export function alertsRuntime(): AlertsRuntime {
  if (holder.__healthboardAlerts) return holder.__healthboardAlerts;
  const config = loadConfig();
  const store = new SqliteAlertStore(path.join(serverEnv().HEALTHBOARD_DATA_DIR, "alerts.sqlite"));
  const links = { publicUrl: config.alerts.publicUrl, dagster: dagsterUrls(config.deployments) };
  const senders = new Map(
    config.alerts.channels.map((c) => [c.name, createSender(c, links, readToken)] as const),
  );
  const dispatcher = new Dispatcher(store, senders, {
    dryRun: config.alerts.dryRun,
    onAttempt: countAlertDelivery,
  });
  holder.__healthboardAlerts = { config, store, senders, dispatcher, links, runner: null };
  return holder.__healthboardAlerts;
}

/**
 * Starts evaluating on the server, whoever is looking (called from
 * startCollectors). Does nothing without rules.
 */
export function startAlerts(deps: {
  snapshot: () => Promise<HealthSnapshot>;
  deploys: DeployStore;
  isLeader?: () => boolean;
}): void {
  const rt = alertsRuntime();
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
    isLeader: deps.isLeader,
    alertmanagers,
  });
  rt.runner.start();
}

/** One evaluation now (for a lease holder, or a test); null when alerting is not started. */
export async function runAlertsOnce(): Promise<AlertStep | null> {
  return (await alertsRuntime().runner?.runOnce()) ?? null;
}
