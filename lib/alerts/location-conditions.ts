import type { TeamConfig } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { LocationOutage } from "@/lib/snapshot/location-outages";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamLocationProblems } from "@/lib/snapshot/team-location-problems";
import type { AlertRule } from "./alert-config";
import type { AlertCandidate } from "./alert-types";
import { countByTeam, downstreamOf, type GraphIndex, graphIndex } from "./graph-index";

// The location rule reads teamLocationProblems (lib/snapshot), THE definition
// of a team's failing location: its configured locations and the locations of
// the assets it owns that fail to load, or whose deployment cannot be reached.
// The deploy rule fires while a location's latest recorded deploy event
// (lib/deploys) is a failed deploy: the new version does not load.

type Rule<T extends AlertRule["type"]> = Extract<AlertRule, { type: T }>;
type Team = Pick<TeamConfig, "slug" | "locations">;

/** Everything downstream of a location's assets, per team. */
export function locationBlast(g: GraphIndex, deployment: string, location: string | null) {
  const starts = g.nodes.flatMap((node, n) =>
    node.definitions.some(
      (d) => d.deployment === deployment && (location === null || d.location === location),
    )
      ? [n]
      : [],
  );
  return countByTeam(g, downstreamOf(g, starts));
}

function outageSignal(
  g: GraphIndex,
  rule: Rule<"location">,
  team: string,
  o: LocationOutage,
): AlertCandidate {
  const where = o.location ? `${o.deployment}/${o.location}` : o.deployment;
  const what =
    o.kind === "deployment-unreachable"
      ? `deployment ${o.deployment} cannot be reached`
      : `code location ${where} fails to load`;
  const signal: AlertCandidate["signal"] = {
    fingerprint: `${rule.name}|${team}|location|${o.deployment}|${o.location ?? ""}`,
    rule: rule.name,
    type: rule.type,
    severity: rule.severity,
    team,
    role: "team",
    deployment: o.deployment,
    location: o.location,
    asset: null,
    summary: `${what} (${o.assetCount} assets shown from their last known state)`,
  };
  const rootCause = {
    key: null,
    deployment: o.deployment,
    location: o.location,
    team,
    words: o.error.className ?? what,
    error: o.error.message,
  };
  return {
    signal,
    details: () => ({
      rootCause,
      affected: [],
      blastRadius: locationBlast(g, o.deployment, o.location),
    }),
  };
}

export function locationSignals(
  snapshot: HealthSnapshot,
  rule: Rule<"location">,
  teams: readonly Team[],
): AlertCandidate[] {
  if (snapshot.outages.length === 0) return [];
  const g = graphIndex(snapshot.graph);
  return teams.flatMap((t) =>
    teamLocationProblems(snapshot, t).map((o) => outageSignal(g, rule, t.slug, o)),
  );
}

/** The teams a location belongs to: listed in their config, or holding assets they own. */
export function teamsOfLocation(
  snapshot: HealthSnapshot,
  teams: readonly Team[],
  deployment: string,
  location: string,
): string[] {
  const out = new Set<string>();
  for (const t of teams)
    if (t.locations.some((l) => l.deployment === deployment && l.location === location))
      out.add(t.slug);
  const loc = snapshot.locations.find((l) => l.deployment === deployment && l.name === location);
  for (const def of loc?.assets ?? []) {
    const node = snapshot.graph.nodes.get(def.id);
    for (const owned of node?.owned ?? [])
      if (owned.team && owned.definitions.includes(def)) out.add(owned.team);
  }
  return [...out].sort();
}

/** `latest`: each location's most recent deploy event (DeployStore order). */
export function deploySignals(
  snapshot: HealthSnapshot,
  rule: Rule<"deploy">,
  teams: readonly Team[],
  latest: readonly DeployEvent[],
): AlertCandidate[] {
  const g = graphIndex(snapshot.graph);
  return latest
    .filter((e) => e.kind === "deploy_failed")
    .flatMap((e) =>
      teamsOfLocation(snapshot, teams, e.deployment, e.location).map(
        (team): AlertCandidate => ({
          signal: {
            fingerprint: `${rule.name}|${team}|deploy|${e.deployment}|${e.location}|${e.at}`,
            rule: rule.name,
            type: rule.type,
            severity: rule.severity,
            team,
            role: "team",
            deployment: e.deployment,
            location: e.location,
            asset: null,
            summary: `deploy of ${e.deployment}/${e.location}${e.version ? ` (${e.version})` : ""} fails to load`,
          },
          details: () => ({
            rootCause: {
              key: null,
              deployment: e.deployment,
              location: e.location,
              team,
              words: "the new version fails to load",
              error: e.error,
            },
            affected: [],
            blastRadius: locationBlast(g, e.deployment, e.location),
          }),
        }),
      ),
    );
}
