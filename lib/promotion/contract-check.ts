import type { DeploymentConfig, TeamConfig } from "@/lib/config/config-schema";
import type { AssetDefinition, CodeLocationSnapshot } from "@/lib/domain/types";
import { comparable } from "@/lib/environments/compare-environments";
import { assignTeam, onlyDeclares } from "@/lib/teams/assign-team";
import { type BreakKind, findBreak } from "./find-break";

// The contract check before promotion (docs/environments.md): for each code
// location of a candidate environment, what other teams read from it in the
// base environment that the candidate would break. Pure.

type Deployment = Pick<DeploymentConfig, "name" | "environment">;

export interface Consumer {
  team: string | null;
  deployment: string;
  location: string;
  key: string[];
}

export interface ContractBreak {
  key: string[];
  kind: BreakKind;
  /** The key the asset seems renamed to (same location, same upstream). */
  renamedTo: string[] | null;
  /** Partitions before and after, for a repartitioned asset. */
  partitions: { before: string | null; after: string | null } | null;
  consumers: Consumer[];
}

export type LocationVerdict =
  /** Every asset other teams read survives promotion. */
  | "ok"
  /** At least one consumed asset would break. */
  | "breaks"
  /** The candidate does not load: promoting it would take away everything it serves. */
  | "not-loaded"
  /** The base does not load: nothing to compare with, nothing is claimed. */
  | "no-base";

export interface LocationCheck {
  location: string;
  producer: string | null;
  baseDeployment: string;
  headDeployment: string;
  verdict: LocationVerdict;
  /** How many assets other teams read from the location in the base. */
  consumed: number;
  breaks: ContractBreak[];
  error: string | null;
}

export interface ContractCheck {
  base: string;
  head: string;
  locations: LocationCheck[];
  /** True when promoting would break a consumer (or a candidate does not load): CI fails. */
  breaking: boolean;
}

export interface ContractCheckInput {
  locations: readonly CodeLocationSnapshot[];
  deployments: readonly Deployment[];
  teams: readonly TeamConfig[];
  base: string;
  head: string;
  /** Only this location; every location the head environment holds when absent. */
  location?: string;
}

/** The first location of that name in the environment, in configured deployment order. */
function firstIn(
  input: ContractCheckInput,
  env: string,
  name: string,
): CodeLocationSnapshot | undefined {
  const names = input.deployments.filter((d) => d.environment === env).map((d) => d.name);
  return names
    .map((d) => input.locations.find((l) => l.deployment === d && l.name === name))
    .find((l) => l !== undefined);
}

/**
 * Who outside the producing team reads each of `produced` in the base deployment.
 * A consumer counts when its team differs from the producer's (an unowned
 * consumer counts when it sits in another location); references read nothing.
 */
function consumersOf(
  produced: readonly AssetDefinition[],
  deploymentLocations: readonly CodeLocationSnapshot[],
  teams: readonly TeamConfig[],
): Map<string, Consumer[]> {
  const producerTeam = new Map(produced.map((d) => [d.id, assignTeam(d, teams)]));
  const found = new Map<string, Consumer[]>();
  for (const loc of deploymentLocations) {
    for (const reader of loc.assets) {
      if (onlyDeclares(reader)) continue;
      const team = assignTeam(reader, teams);
      for (const up of reader.upstream) {
        const id = JSON.stringify(up);
        if (!producerTeam.has(id)) continue;
        const producer = producerTeam.get(id) ?? null;
        const other = team !== producer || (team === null && loc.name !== produced[0]?.location);
        if (!other) continue;
        const consumer = { team, deployment: loc.deployment, location: loc.name, key: reader.key };
        found.set(id, [...(found.get(id) ?? []), consumer]);
      }
    }
  }
  return found;
}

function checkLocation(input: ContractCheckInput, name: string): LocationCheck | null {
  const base = firstIn(input, input.base, name);
  const head = firstIn(input, input.head, name);
  if (!base || !head) return null;
  const produced = base.assets.filter((d) => !onlyDeclares(d));
  const sameDeployment = input.locations.filter((l) => l.deployment === base.deployment);
  const consumers = consumersOf(produced, sameDeployment, input.teams);
  const teamsOf = produced.map((d) => assignTeam(d, input.teams));
  const shell = {
    location: name,
    producer: teamsOf.find((t) => t !== null) ?? null,
    baseDeployment: base.deployment,
    headDeployment: head.deployment,
    consumed: consumers.size,
    breaks: [] as ContractBreak[],
    error: null as string | null,
  };
  if (!comparable(base))
    return { ...shell, verdict: "no-base", error: base.error?.message ?? null };
  if (!comparable(head))
    return { ...shell, verdict: "not-loaded", error: head.error?.message ?? null };
  const breaks: ContractBreak[] = [];
  for (const def of produced) {
    const readers = consumers.get(def.id);
    if (!readers) continue;
    const found = findBreak(def, base.assets, head.assets);
    if (found) breaks.push({ key: def.key, ...found, consumers: readers });
  }
  breaks.sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
  return { ...shell, breaks, verdict: breaks.length ? "breaks" : "ok" };
}

export function contractCheck(input: ContractCheckInput): ContractCheck {
  const headDeployments = new Set(
    input.deployments.filter((d) => d.environment === input.head).map((d) => d.name),
  );
  const names = [
    ...new Set(input.locations.filter((l) => headDeployments.has(l.deployment)).map((l) => l.name)),
  ]
    .filter((n) => input.location === undefined || n === input.location)
    .sort();
  const locations = names
    .map((n) => checkLocation(input, n))
    .filter((c): c is LocationCheck => c !== null);
  const breaking = locations.some((l) => l.verdict === "breaks" || l.verdict === "not-loaded");
  return { base: input.base, head: input.head, locations, breaking };
}
