import type { TeamConfig } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
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
  return stepAlerts(
    previous,
    ruleCandidates(input, now),
    input.rules,
    now,
    unreadDeployments(input.snapshot),
  );
}

/**
 * Which alerts the snapshot cannot speak for: those of a deployment whose
 * locations or asset statuses have not been read since the process started
 * (after a restart, or while it is down since then), and every team-wide
 * alert while any deployment is such. Nothing is known of them yet, so
 * nothing about them resolves.
 */
export function unreadDeployments(snapshot: HealthSnapshot): (state: AlertState) => boolean {
  const unread = new Set(
    snapshot.deployments
      .filter((d) => d.locationsAsOf === null || d.statusesAsOf === null)
      .map((d) => d.deployment),
  );
  if (unread.size === 0) return () => false;
  return (state) => state.signal.deployment === null || unread.has(state.signal.deployment);
}
