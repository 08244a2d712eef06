import { within } from "@/lib/lineage/graph-algorithms";
import { isDegraded, isStale } from "@/lib/metrics/definitions";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import type { AlertRule } from "./alert-config";
import type { AlertAsset, AlertSignal } from "./alert-types";
import { countByTeam, type GraphIndex, graphIndex } from "./graph-index";
import { describeRootCause, rootNode } from "./root-cause";

// The dependency rule: an asset that another team's asset reads is DEGRADED
// (or, if the rule asks, stale). Each reading team gets one alert per incident
// naming its assets hit; the owning team gets one naming who reads it. An
// incident is the root cause (lib/lineage rootCauses): when orders_raw fails
// and orders_clean fails with it, a reader of both hears of one incident.

type Rule = Extract<AlertRule, { type: "dependency" }>;

interface Group {
  team: string;
  role: "owner" | "consumer";
  root: number;
  producers: Set<number>;
  /** Everything downstream of the producers. */
  reached: Set<number>;
  readers: Set<string>;
}

const keyText = (key: readonly string[]) => key.join("/");

function assetOf(g: GraphIndex, n: number, team: string | null): AlertAsset {
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

export function dependencySignals(snapshot: HealthSnapshot, rule: Rule): AlertSignal[] {
  const g = graphIndex(snapshot.graph);
  const groups = new Map<string, Group>();
  const group = (team: string, role: Group["role"], root: number): Group => {
    const id = `${role}|${team}|${root}`;
    let found = groups.get(id);
    if (!found) {
      found = { team, role, root, producers: new Set(), reached: new Set(), readers: new Set() };
      groups.set(id, found);
    }
    return found;
  };
  g.nodes.forEach((node, p) => {
    if (node.teams.length === 0 || !isBroken(rule, snapshot, node.id)) return;
    const readers = new Set<string>();
    for (const q of g.downstream[p] ?? [])
      for (const t of g.teamsOf(q)) if (!node.teams.includes(t)) readers.add(t);
    if (readers.size === 0) return;
    const root = rootNode(snapshot, g, p);
    const reached = within(g.downstream, p, Number.POSITIVE_INFINITY);
    reached.delete(p);
    const add = (gr: Group) => {
      gr.producers.add(p);
      for (const r of reached.keys()) gr.reached.add(r);
      for (const t of readers) gr.readers.add(t);
    };
    for (const t of readers) add(group(t, "consumer", root));
    if (rule.notifyOwner) for (const t of node.teams) add(group(t, "owner", root));
  });
  return [...groups.values()].map((gr) => toSignal(snapshot, g, rule, gr));
}

function toSignal(snapshot: HealthSnapshot, g: GraphIndex, rule: Rule, gr: Group): AlertSignal {
  const producers = [...gr.producers].sort((a, b) => a - b);
  const first = producers[0] as number;
  const producer = assetOf(g, first, null);
  const mine = [...gr.reached].filter((n) => g.teamsOf(n).includes(gr.team)).sort((a, b) => a - b);
  const names = producers.map((n) => keyText(g.nodes[n]?.key ?? [])).join(", ");
  const owner = producer.team ?? "no team";
  const broken = producers.length === 1 ? "is broken" : "are broken";
  const summary =
    gr.role === "consumer"
      ? `${owner}'s ${names} ${broken}; ${mine.length} of ${gr.team}'s assets read from it`
      : `${names} ${broken}; read by ${[...gr.readers].sort().join(", ")}`;
  const def = g.nodes[first]?.owned[0]?.definitions[0];
  return {
    fingerprint: `${rule.name}|${gr.team}|${gr.role}|${g.nodes[gr.root]?.id}`,
    rule: rule.name,
    type: rule.type,
    severity: rule.severity,
    team: gr.team,
    role: gr.role,
    deployment: def?.deployment ?? null,
    location: def?.location ?? null,
    asset: producer.key,
    summary,
    rootCause: describeRootCause(snapshot, g, gr.root),
    affected:
      gr.role === "consumer"
        ? mine.map((n) => assetOf(g, n, gr.team))
        : producers.map((n) => assetOf(g, n, gr.team)),
    blastRadius: countByTeam(g, gr.reached),
  };
}
