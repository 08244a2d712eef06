import type { TeamConfig } from "@/lib/config/config-schema";
import { deployImpact, describeImpact, type LocationImpact } from "@/lib/deploys/deploy-impact";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import { type ConsumerAsset, consumersOf } from "@/lib/deploys/location-graph";
import { isDegraded, isFailedRun } from "@/lib/metrics/definitions";
import { perSnapshot } from "@/lib/snapshot/snapshot-memo";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertRule } from "./alert-config";
import { type AlertCandidate, MAX_NAMED_ASSETS } from "./alert-types";
import { assetOf } from "./dependency-condition";
import { graphIndex } from "./graph-index";
import { locationBlast, teamsOfLocation } from "./location-conditions";

// The deploy rule's second half: "failures downstream of a deploy rise". Each
// location's latest deploy (the live version) is measured with deployImpact
// (lib/deploys), THE definition of an elevated impact: more failures of the
// consumer locations' assets after the deploy than their rate before it, or a
// consumer asset degraded now. The teams of each elevated consumer location
// are told which of their assets failed or are degraded (role consumer); the
// deploying location's teams are told what their deploy was followed by
// (role owner). A team is told once per deploy, as a consumer if it is one.
// The alert stays while the live version's impact is elevated; the next
// deploy of the location replaces it (a new deploy, a new fingerprint).

type Rule = Extract<AlertRule, { type: "deploy" }>;
type Team = Pick<TeamConfig, "slug" | "locations">;

export interface ImpactWindow {
  now: number;
  /** The oldest run time Healthboard holds (now − runsWindowDays). */
  dataFrom: number;
}

// deployImpact counts failed runs only (isFailedRun); handing it those alone,
// picked once per snapshot, spares reading every run for each consumer
// location of each deploy on every evaluation (about 0.5 s at 25,000 assets).
const failedRuns = perSnapshot((s) => s.runs.filter(isFailedRun));

// The runner evaluates every few seconds, mostly over the same snapshot
// content: the candidates are kept per snapshot content, rule, set of live
// deploys and minute (impact windows move by at most a minute), as the team
// page's models are kept per step (lib/teams/get-team-page.ts).
const IMPACT_STEP_MS = 60_000;
const memo = perSnapshot(() => new Map<string, AlertCandidate[]>());

export function deployImpactSignals(
  ...args: Parameters<typeof impactCandidates>
): AlertCandidate[] {
  const [snapshot, rule, teams, latest, window] = args;
  const kept = memo(snapshot);
  const key = JSON.stringify([
    rule,
    teams,
    Math.floor(window.now / IMPACT_STEP_MS),
    latest.filter((e) => e.kind === "deploy").map((e) => [e.deployment, e.location, e.at]),
  ]);
  const hit = kept.get(key);
  if (hit) return hit;
  if (kept.size > 16) kept.clear(); // one snapshot sees a few minutes at most
  const candidates = impactCandidates(...args);
  kept.set(key, candidates);
  return candidates;
}

function impactCandidates(
  snapshot: HealthSnapshot,
  rule: Rule,
  teams: readonly Team[],
  latest: readonly DeployEvent[],
  window: ImpactWindow,
): AlertCandidate[] {
  const g = graphIndex(snapshot.graph);
  // The latest deploy is the live version: its consumers' health now counts too.
  const isDegradedNow = (c: ConsumerAsset) => {
    const health = snapshot.definitionHealth.get(definitionKey(c.deployment, c.assetId));
    return health ? isDegraded(health) : false;
  };
  return latest
    .filter((e) => e.kind === "deploy")
    .flatMap((e) => {
      const at = { deployment: e.deployment, location: e.location };
      const impact = deployImpact({
        deploy: { ...at, at: e.at, version: e.version },
        // consumersOf keeps its answer per graph (lib/deploys/location-graph.ts).
        consumers: consumersOf(snapshot.graph, at),
        runs: failedRuns(snapshot),
        now: window.now,
        dataFrom: window.dataFrom,
        isDegradedNow,
      });
      if (!impact.elevated) return [];
      const elevated = impact.consumers.filter((c) => c.elevated);
      // Per team: the elevated consumer locations it belongs to (none: it owns the deploy).
      const told = new Map<string, LocationImpact[]>();
      for (const c of elevated)
        for (const team of teamsOfLocation(snapshot, teams, e.deployment, c.location))
          told.set(team, [...(told.get(team) ?? []), c]);
      const owners = teamsOfLocation(snapshot, teams, e.deployment, e.location);
      for (const team of owners) if (!told.has(team)) told.set(team, []);
      const where = `${e.deployment}/${e.location}${e.version ? ` (${e.version})` : ""}`;
      return [...told].map(([team, mine]): AlertCandidate => {
        const role = mine.length > 0 ? "consumer" : "owner";
        const about = role === "consumer" ? mine : elevated;
        const words = about.map((c) => describeImpact(impact, c)).join("; ");
        return {
          signal: {
            fingerprint: `${rule.name}|${team}|deploy-impact|${e.deployment}|${e.location}|${e.at}`,
            rule: rule.name,
            type: rule.type,
            severity: rule.severity,
            team,
            role,
            deployment: e.deployment,
            location: e.location,
            asset: null,
            summary: `deploy of ${where}: ${words}`,
          },
          details: () => {
            const hit = [
              ...new Set(mine.flatMap((c) => [...c.failedAssets, ...c.degradedNow])),
            ].sort();
            return {
              rootCause: {
                key: null,
                deployment: e.deployment,
                location: e.location,
                team: owners[0] ?? null,
                words,
                error: null,
              },
              affected: hit
                .flatMap((id) => g.index.get(id) ?? [])
                .slice(0, MAX_NAMED_ASSETS)
                .map((n) => assetOf(g, n, team)),
              blastRadius: locationBlast(g, e.deployment, e.location),
            };
          },
        };
      });
    });
}
