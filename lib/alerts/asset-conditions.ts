import type { AssetDefinition } from "@/lib/domain/types";
import { formatPct } from "@/lib/format";
import type { AssetHealth } from "@/lib/health/health-model";
import { blastRadius } from "@/lib/lineage/graph-algorithms";
import type { OwnedAsset } from "@/lib/lineage/graph-types";
import { isDegraded, isHealthy, isStale, isWarning } from "@/lib/metrics/definitions";
import { ownedHealth } from "@/lib/snapshot/owned-health";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertRule } from "./alert-config";
import { type AlertAsset, type AlertCandidate, MAX_NAMED_ASSETS } from "./alert-types";
import { type GraphIndex, graphIndex } from "./graph-index";
import { describeRootCause } from "./root-cause";

// The conditions of the asset rules (asset_health, freshness, team_health),
// each asking lib/metrics/definitions.ts: an alert never has its own idea of
// "degraded" or "stale". The dependency rule is in dependency-condition.ts.

type Rule<T extends AlertRule["type"]> = Extract<AlertRule, { type: T }>;

/** A team's asset as team pages count it (lib/teams/team-assets.ts): one per owned entry. */
export interface OwnedEntry {
  n: number;
  owned: OwnedAsset;
  def: AssetDefinition;
  health: AssetHealth;
}

const ownedCache = new WeakMap<object, Map<string, OwnedEntry[]>>();

/**
 * Every team's assets in one pass over the graph: the same entries as
 * `teamAssets` (owned entry, first definition, health worst over a merge
 * group), without walking all 25k nodes once per team.
 */
export function ownedByTeam(snapshot: HealthSnapshot, g: GraphIndex): Map<string, OwnedEntry[]> {
  const hit = ownedCache.get(snapshot.definitionHealth);
  if (hit) return hit;
  const out = new Map<string, OwnedEntry[]>();
  g.nodes.forEach((node, n) => {
    for (const owned of node.owned) {
      const def = owned.definitions[0];
      if (owned.team === null || !def) continue;
      const health = ownedHealth(snapshot.definitionHealth, node.id, owned);
      const list = out.get(owned.team) ?? [];
      if (list.length === 0) out.set(owned.team, list);
      list.push({ n, owned, def, health });
    }
  });
  ownedCache.set(snapshot.definitionHealth, out);
  return out;
}

const keyText = (key: readonly string[]) => key.join("/");

function signalBase(rule: AlertRule, team: string) {
  return { rule: rule.name, type: rule.type, severity: rule.severity, team };
}

function assetSignal(
  snapshot: HealthSnapshot,
  g: GraphIndex,
  rule: AlertRule,
  team: string,
  e: OwnedEntry,
  summary: string,
): AlertCandidate {
  const node = g.nodes[e.n];
  const key = node?.key ?? e.def.key;
  const asset: AlertAsset = { key, deployment: e.def.deployment, team };
  const signal: AlertCandidate["signal"] = {
    ...signalBase(rule, team),
    fingerprint: `${rule.name}|${team}|asset|${e.owned.deployments.join("+")}|${node?.id}`,
    role: "team",
    deployment: e.def.deployment,
    location: e.def.location,
    asset: key,
    summary,
  };
  return {
    signal,
    details: () => ({
      rootCause: describeRootCause(snapshot, g, e.n),
      affected: [asset],
      blastRadius: blastRadius(g.downstream, e.n, g.teamsOf).teams,
    }),
  };
}

function matchesFilters(rule: Rule<"asset_health">, e: OwnedEntry, pattern: RegExp | null) {
  if (rule.kinds.length && !e.def.kinds.some((k) => rule.kinds.includes(k))) return false;
  if (rule.groups.length && !(e.def.group && rule.groups.includes(e.def.group))) return false;
  return !pattern || pattern.test(keyText(e.def.key));
}

export function assetHealthSignals(
  snapshot: HealthSnapshot,
  rule: Rule<"asset_health">,
): AlertCandidate[] {
  const g = graphIndex(snapshot.graph);
  const pattern = rule.keyPattern ? new RegExp(rule.keyPattern) : null;
  const out: AlertCandidate[] = [];
  for (const [team, entries] of ownedByTeam(snapshot, g)) {
    for (const e of entries) {
      const hit =
        (rule.states.includes("DEGRADED") && isDegraded(e.health)) ||
        (rule.states.includes("WARNING") && isWarning(e.health));
      if (!hit || !matchesFilters(rule, e, pattern)) continue;
      const state = e.health.overall.toLowerCase();
      out.push(assetSignal(snapshot, g, rule, team, e, `${keyText(e.def.key)} is ${state}`));
    }
  }
  return out;
}

export function freshnessSignals(
  snapshot: HealthSnapshot,
  rule: Rule<"freshness">,
): AlertCandidate[] {
  const g = graphIndex(snapshot.graph);
  const out: AlertCandidate[] = [];
  for (const [team, entries] of ownedByTeam(snapshot, g)) {
    for (const e of entries) {
      if (!isStale(e.health)) continue;
      // Stale is WARNING or DEGRADED freshness; the rule may ask for the fail window only.
      const level = e.health.freshness === "DEGRADED" ? "fail" : "warn";
      if (!rule.levels.includes(level)) continue;
      const summary = `${keyText(e.def.key)} is past its freshness ${level} window`;
      out.push(assetSignal(snapshot, g, rule, team, e, summary));
    }
  }
  return out;
}

export function teamHealthSignals(
  snapshot: HealthSnapshot,
  rule: Rule<"team_health">,
): AlertCandidate[] {
  const g = graphIndex(snapshot.graph);
  const out: AlertCandidate[] = [];
  for (const [team, entries] of ownedByTeam(snapshot, g)) {
    const healthy = entries.filter((e) => isHealthy(e.health)).length;
    if (entries.length === 0 || healthy / entries.length >= rule.threshold) continue;
    const unhealthy = entries.filter((e) => !isHealthy(e.health));
    out.push({
      signal: {
        ...signalBase(rule, team),
        fingerprint: `${rule.name}|${team}|team`,
        role: "team",
        deployment: null,
        location: null,
        asset: null,
        // As the team page shows it (lib/format.ts), so 18 of 19 is never "95%, below 95%".
        summary: `${formatPct(healthy / entries.length)} of ${team}'s assets healthy (${healthy} of ${entries.length}), below ${formatPct(rule.threshold)}`,
      },
      details: () => ({
        rootCause: null,
        affected: unhealthy
          .slice(0, MAX_NAMED_ASSETS)
          .map((e) => ({ key: e.def.key, deployment: e.def.deployment, team })),
        blastRadius: [],
      }),
    });
  }
  return out;
}
