import { within } from "@/lib/lineage/graph-algorithms";
import { isDegraded, isStale } from "@/lib/metrics/definitions";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertRule } from "./alert-config";
import {
  type AlertAsset,
  type AlertCandidate,
  type AlertDetails,
  MAX_NAMED_ASSETS,
} from "./alert-types";
import { countByTeam, type GraphIndex, graphIndex } from "./graph-index";
import { describeRootCause, rootNode } from "./root-cause";

// The dependency rule: an asset that another team's asset reads is DEGRADED
// (or, if the rule asks, stale). Each reading team gets one alert per broken
// asset it reads, naming its assets hit downstream; the owning team gets one
// naming who reads it. The root cause (lib/lineage rootCauses: the failed
// asset furthest upstream, with its error) and the blast radius are walked
// only when an alert is new or notifies (AlertCandidate.details), so a
// refresh in which nothing changed costs a pass over the nodes, not a walk
// per broken asset.

type Rule = Extract<AlertRule, { type: "dependency" }>;

const keyText = (key: readonly string[]) => key.join("/");

export function assetOf(g: GraphIndex, n: number, team: string | null): AlertAsset {
  const node = g.nodes[n];
  const owned = node?.owned.find((o) => o.team === team) ?? node?.owned[0];
  return {
    key: node?.key ?? [],
    deployment: owned?.deployments.join("+") ?? node?.definitions[0]?.deployment ?? "",
    team: owned?.team ?? null,
  };
}

function isBroken(rule: Rule, snapshot: HealthSnapshot, id: string): boolean {
  const h = snapshot.health.get(id);
  if (!h) return false;
  return (
    (rule.on.includes("degraded") && isDegraded(h)) || (rule.on.includes("freshness") && isStale(h))
  );
}

interface Walk {
  reached: number[];
  blast: AlertDetails["blastRadius"];
  root: AlertDetails["rootCause"];
}

export function dependencySignals(snapshot: HealthSnapshot, rule: Rule): AlertCandidate[] {
  const g = graphIndex(snapshot.graph);
  const out: AlertCandidate[] = [];
  g.nodes.forEach((node, p) => {
    if (node.teams.length === 0 || !isBroken(rule, snapshot, node.id)) return;
    // Readers: teams owning an asset that reads this one directly, other than its owners.
    const readers = new Map<string, number[]>();
    for (const q of g.downstream[p] ?? [])
      for (const t of g.teamsOf(q))
        if (!node.teams.includes(t)) readers.set(t, [...(readers.get(t) ?? []), q]);
    if (readers.size === 0) return;
    const producer = assetOf(g, p, null);
    const def = node.owned[0]?.definitions[0];
    const owner = producer.team ?? "no team";
    const health = snapshot.health.get(node.id)?.overall.toLowerCase() ?? "broken";
    const readerNames = [...readers.keys()].sort();
    // Shared by every alert on this producer: one walk each, however many teams read it.
    let walked: Walk | null = null;
    const walk = () => {
      if (!walked) {
        const reached = within(g.downstream, p, Number.POSITIVE_INFINITY);
        reached.delete(p);
        walked = {
          reached: [...reached.keys()],
          blast: countByTeam(g, reached.keys()),
          root: describeRootCause(snapshot, g, rootNode(snapshot, g, p)),
        };
      }
      return walked;
    };
    const base = (team: string, role: "owner" | "consumer", summary: string) => ({
      fingerprint: `${rule.name}|${team}|${role}|${node.id}`,
      rule: rule.name,
      type: rule.type,
      severity: rule.severity,
      team,
      role,
      deployment: def?.deployment ?? null,
      location: def?.location ?? null,
      asset: node.key,
      summary,
    });
    for (const [team, direct] of readers) {
      const names = direct.map((q) => keyText(g.nodes[q]?.key ?? [])).join(", ");
      out.push({
        signal: base(
          team,
          "consumer",
          `${owner}'s ${keyText(node.key)} is ${health}; ${team}'s ${names} read it`,
        ),
        details: () => {
          const w = walk();
          const mine = w.reached.filter((n) => g.teamsOf(n).includes(team)).sort((a, b) => a - b);
          return {
            rootCause: w.root,
            affected: mine.slice(0, MAX_NAMED_ASSETS).map((n) => assetOf(g, n, team)),
            blastRadius: w.blast,
          };
        },
      });
    }
    if (!rule.notifyOwner) return;
    for (const team of node.teams) {
      out.push({
        signal: base(
          team,
          "owner",
          `${keyText(node.key)} is ${health}; read by ${readerNames.join(", ")}`,
        ),
        details: () => {
          const w = walk();
          return { rootCause: w.root, affected: [assetOf(g, p, team)], blastRadius: w.blast };
        },
      });
    }
  });
  return out;
}
