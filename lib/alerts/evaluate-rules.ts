import type { TeamConfig } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { coveredDeployments } from "@/lib/history/kpi-sampling";
import { perSnapshot } from "@/lib/snapshot/snapshot-memo";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertRule } from "./alert-config";
import type { AlertCandidate, AlertSignal, AlertState } from "./alert-types";
import { assetHealthSignals, freshnessSignals, teamHealthSignals } from "./asset-conditions";
import { dependencySignals } from "./dependency-condition";
import { deployImpactSignals } from "./deploy-impact-condition";
import { deploySignals, locationSignals } from "./location-conditions";
import { type AlertStep, stepAlerts } from "./state-machine";

// The engine, pure: (previous state, snapshot, now) → new state and the
// notifications to deliver. Every condition reads lib/metrics/definitions.ts
// and lib/snapshot; nothing here talks to Dagster or a store.

export interface EngineInput {
  rules: readonly AlertRule[];
  teams: readonly Pick<TeamConfig, "slug" | "locations">[];
  snapshot: HealthSnapshot;
  /** Each location's latest deploy event (for the deploy rule). */
  latestDeploys: readonly DeployEvent[];
  /** The oldest run time Healthboard holds (now − runsWindowDays): a deploy's baseline starts no earlier. */
  dataFrom: number;
  /**
   * Until then no previous alert resolves while some deployment is unread
   * (someUnread): a grace after the runner's first evaluation, so a deployment
   * unreachable since the start holds nothing for longer.
   */
  holdUnreadUntil?: number;
}

/** Every condition true in the snapshot at `now`, one per (rule, team, subject), details not yet walked. */
export function ruleCandidates(input: EngineInput, now: number): AlertCandidate[] {
  return input.rules.flatMap((rule) => candidatesOf(rule, input, now));
}

/** The same, with every signal's details worked out (tests, previews); `now` defaults to the snapshot's build time. */
export function ruleSignals(input: EngineInput, now = input.snapshot.builtAt): AlertSignal[] {
  return ruleCandidates(input, now).map((c) => ({ ...c.signal, ...c.details() }));
}

type AssetRule = Extract<
  AlertRule,
  { type: "dependency" | "asset_health" | "freshness" | "team_health" }
>;

/**
 * The asset rules' candidates read only the snapshot's content (graph, health,
 * statuses), so a refresh in which nothing changed reuses them, details walked
 * so far included. Kept per rule object: a config reload brings new rules.
 */
const assetRuleCandidates = perSnapshot(() => new WeakMap<AssetRule, AlertCandidate[]>());

function assetCandidates(rule: AssetRule, snapshot: HealthSnapshot): AlertCandidate[] {
  const memo = assetRuleCandidates(snapshot);
  let out = memo.get(rule);
  if (!out) {
    out = assetCandidatesOf(rule, snapshot);
    memo.set(rule, out);
  }
  return out;
}

function assetCandidatesOf(rule: AssetRule, snapshot: HealthSnapshot): AlertCandidate[] {
  switch (rule.type) {
    case "dependency":
      return dependencySignals(snapshot, rule);
    case "asset_health":
      return assetHealthSignals(snapshot, rule);
    case "freshness":
      return freshnessSignals(snapshot, rule);
    case "team_health":
      return teamHealthSignals(snapshot, rule);
  }
}

function candidatesOf(rule: AlertRule, input: EngineInput, now: number): AlertCandidate[] {
  const { snapshot, teams, latestDeploys, dataFrom } = input;
  // Location and deploy rules read outages, teams, deploy events and runs: few, and checked every time.
  switch (rule.type) {
    case "location":
      return locationSignals(snapshot, rule, teams);
    case "deploy":
      return [
        ...deploySignals(snapshot, rule, teams, latestDeploys),
        ...deployImpactSignals(snapshot, rule, teams, latestDeploys, { now, dataFrom }),
      ];
    default:
      return assetCandidates(rule, snapshot);
  }
}

export function evaluateAlerts(
  previous: readonly AlertState[],
  input: EngineInput,
  now: number,
): AlertStep {
  const keepAbsent = now < (input.holdUnreadUntil ?? 0) && someUnread(input.snapshot);
  return stepAlerts(previous, ruleCandidates(input, now), input.rules, now, keepAbsent);
}

/**
 * Whether some deployment's assets are not known yet (its locations, or the
 * statuses of a deployment with assets, not read since the process started).
 * Until they are, nothing about the alerts is known that would resolve them:
 * the fresh snapshot after a restart is empty, and resolving then firing again
 * once the data came would page twice for one incident.
 */
export function someUnread(snapshot: HealthSnapshot): boolean {
  return coveredDeployments(snapshot).length < snapshot.deployments.length;
}
