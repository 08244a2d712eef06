import type { TeamConfig } from "@/lib/config/config-schema";
import type { DeployEvent, DeployStore } from "@/lib/deploys/deploy-types";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertsConfig } from "./alert-config";
import type { AlertStore } from "./alert-store";
import { type AlertNotification, type AlertState, incidentId } from "./alert-types";
import type { Sender } from "./channels/senders";
import type { Dispatcher } from "./dispatcher";
import { evaluateAlerts } from "./evaluate-rules";
import { type AlertStep, channelsFor } from "./state-machine";

// Runs the engine against the current snapshot and the stored state, saves
// the step, and hands the outbox to the dispatcher. Runs are serialised: one
// evaluation at a time per process. `runOnce` is the unit a lease (several
// replicas) will guard: only the holder evaluates.
//
// The active set is kept in memory as this runner last saved it, so a steady
// evaluation does not read and parse every stored alert again. It is read from
// the store again whenever someone else may have written it: on the first run,
// after a failed save, when this replica is not (or no longer) the lease
// holder (`invalidate`, called on every lease change), and after a stall
// longer than two evaluation periods.

export interface AlertRunnerDeps {
  alerts: AlertsConfig;
  teams: readonly Pick<TeamConfig, "slug" | "locations">[];
  store: AlertStore;
  dispatcher: Dispatcher;
  snapshot: () => Promise<HealthSnapshot>;
  deploys: Pick<DeployStore, "list"> | null;
  /** Config `refresh.runsWindowDays`: the runs a snapshot holds, a deploy's baseline starts no earlier. */
  runsWindowDays: number;
  /** Alertmanager channels, re-sent firing alerts so they do not time out there. */
  alertmanagers: ReadonlyMap<string, Sender>;
  /** With replicas, only the holder of the alerts lease evaluates and sends (absent: always). */
  isLeader?: () => boolean;
  now?: () => number;
}

const DEPLOY_LOOKBACK_MS = 30 * 86_400_000;
/** After its first evaluation, how long the runner keeps alerts of deployments not read yet (EngineInput.holdUnreadUntil). */
export const UNREAD_GRACE_MS = 10 * 60_000;
/** Alertmanager resolves an alert not re-sent within its resolve_timeout (5 min by default). */
const ALERTMANAGER_RESEND_MS = 60_000;

/** Each location's latest deploy event. */
export function latestDeployEvents(events: readonly DeployEvent[]): DeployEvent[] {
  const latest = new Map<string, DeployEvent>();
  for (const e of events) latest.set(`${e.deployment}\u0000${e.location}`, e);
  return [...latest.values()];
}

export class AlertRunner {
  private chain: Promise<unknown> = Promise.resolve();
  private lastResend = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  /** The active set as this runner last saved it; null: read the store next time. */
  private active: AlertState[] | null = null;
  private savedAt = 0;
  private firstRunAt: number | null = null;
  /** Evaluations that read the store (the rest used the state in memory). */
  storeReads = 0;
  lastError: string | null = null;
  lastRunAt: number | null = null;

  constructor(private readonly deps: AlertRunnerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** One evaluation: previous state + snapshot + now → saved state and outbox, then delivery. */
  runOnce(): Promise<AlertStep> {
    const run = this.chain.then(() => this.evaluate());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Forgets the state in memory: the next evaluation reads the store. */
  invalidate(): void {
    this.active = null;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      if (this.deps.isLeader && !this.deps.isLeader()) {
        this.invalidate(); // another replica writes meanwhile
        return;
      }
      void this.runOnce().then(
        () => {
          this.lastError = null;
        },
        (err) => {
          this.lastError = err instanceof Error ? err.message : String(err);
        },
      );
    };
    tick();
    this.timer = setInterval(tick, this.deps.alerts.evaluateSeconds * 1000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.deps.dispatcher.stop();
  }

  private async evaluate(): Promise<AlertStep> {
    const { alerts, teams, store, dispatcher } = this.deps;
    const snapshot = await this.deps.snapshot();
    const now = this.now();
    const events = (await this.deps.deploys?.list({ since: now - DEPLOY_LOOKBACK_MS })) ?? [];
    if (now - this.savedAt > 2 * alerts.evaluateSeconds * 1000) this.invalidate();
    let previous = this.active;
    if (!previous) {
      previous = await store.activeAlerts();
      this.storeReads++;
    }
    this.firstRunAt ??= now;
    const firstRunAt = this.firstRunAt;
    const step = evaluateAlerts(
      previous,
      {
        rules: alerts.rules,
        teams,
        snapshot,
        latestDeploys: latestDeployEvents(events),
        dataFrom: now - this.deps.runsWindowDays * 86_400_000,
        holdUnreadUntil: firstRunAt + UNREAD_GRACE_MS,
      },
      now,
    );
    this.active = null; // until the save is known to have happened
    await store.commitStep(step);
    this.active = step.active;
    this.savedAt = now;
    this.lastRunAt = now;
    void dispatcher.kick().catch(() => undefined);
    if (now - this.lastResend >= ALERTMANAGER_RESEND_MS) {
      this.lastResend = now;
      void this.resendToAlertmanagers(step).catch(() => undefined);
    }
    return step;
  }

  /**
   * Prometheus re-sends firing alerts on every evaluation so Alertmanager
   * keeps them; Healthboard does the same once a minute, outside the outbox
   * (a lost re-send changes nothing: the next one comes a minute later).
   */
  private async resendToAlertmanagers(step: AlertStep): Promise<void> {
    if (this.deps.alertmanagers.size === 0 || this.deps.alerts.dryRun) return;
    const rules = new Map(this.deps.alerts.rules.map((r) => [r.name, r]));
    for (const state of step.active) {
      if (state.status !== "firing" || state.firingSince === null) continue;
      const rule = rules.get(state.signal.rule);
      if (!rule) continue;
      const incident = incidentId(state);
      const n: AlertNotification = {
        key: `${incident}:refresh`,
        incident,
        transition: "firing",
        at: this.now(),
        startsAt: state.firingSince,
        endsAt: null,
        signal: state.signal,
        channels: [],
      };
      for (const c of channelsFor(rule, state.signal.team))
        await this.deps.alertmanagers.get(c)?.send(n);
    }
  }
}
