import type { TeamConfig } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertRule } from "./alert-config";
import type { AlertCandidate, AlertSignal, AlertState } from "./alert-types";
import { assetHealthSignals, freshnessSignals, teamHealthSignals } from "./asset-conditions";
import { dependencySignals } from "./dependency-condition";
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
}

/** Every condition true in the snapshot, one per (rule, team, subject), details not yet walked. */
export function ruleCandidates(input: EngineInput): AlertCandidate[] {
  const { snapshot, teams, latestDeploys } = input;
  return input.rules.flatMap((rule) => candidatesOf(rule, snapshot, teams, latestDeploys));
}

/** The same, with every signal's details worked out (tests, previews). */
export function ruleSignals(input: EngineInput): AlertSignal[] {
  return ruleCandidates(input).map((c) => ({ ...c.signal, ...c.details() }));
}

function candidatesOf(
  rule: AlertRule,
  snapshot: HealthSnapshot,
  teams: EngineInput["teams"],
  latestDeploys: EngineInput["latestDeploys"],
): AlertCandidate[] {
  switch (rule.type) {
    case "dependency":
      return dependencySignals(snapshot, rule);
    case "asset_health":
      return assetHealthSignals(snapshot, rule);
    case "freshness":
      return freshnessSignals(snapshot, rule);
    case "team_health":
      return teamHealthSignals(snapshot, rule);
    case "location":
      return locationSignals(snapshot, rule, teams);
    case "deploy":
      return deploySignals(snapshot, rule, teams, latestDeploys);
  }
}

export function evaluateAlerts(
  previous: readonly AlertState[],
  input: EngineInput,
  now: number,
): AlertStep {
  return stepAlerts(previous, ruleCandidates(input), input.rules, now);
}
