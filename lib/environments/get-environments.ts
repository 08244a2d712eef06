import "server-only";
import { deploymentStates, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import { type ContractCheck, contractCheck } from "@/lib/promotion/contract-check";
import { compareEnvironments, type EnvironmentComparison } from "./compare-environments";
import { DEFAULT_ENVIRONMENT, environmentNames } from "./environments";
import { knownDeployments } from "./known-deployments";

// The comparison view and the contract check read every deployment's code
// locations as the collectors last saw them: definitions only, no statuses.

async function allLocations(): Promise<CodeLocationSnapshot[]> {
  await getSnapshot(); // waits (once) for the collectors' first data
  return deploymentStates("*").flatMap((s) => s.locations.locations);
}

/** A name the config places deployments in, else an error naming the parameter. */
export function checkEnvironment(param: string, value: string): string | null {
  const known = environmentNames(knownDeployments());
  return known.includes(value)
    ? null
    : `${param}: unknown environment (known: ${known.join(", ")})`;
}

export async function getComparison(base = DEFAULT_ENVIRONMENT): Promise<EnvironmentComparison> {
  return compareEnvironments(await allLocations(), knownDeployments(), base);
}

export async function getContractCheck(query: {
  base?: string;
  head: string;
  location?: string;
}): Promise<ContractCheck> {
  const config = loadConfig();
  return contractCheck({
    locations: await allLocations(),
    deployments: knownDeployments(),
    teams: config.teams,
    base: query.base ?? DEFAULT_ENVIRONMENT,
    head: query.head,
    location: query.location,
  });
}

/** The contract check of every environment other than the base, in environment order. */
export async function getAllContractChecks(base = DEFAULT_ENVIRONMENT): Promise<ContractCheck[]> {
  const config = loadConfig();
  const locations = await allLocations();
  return environmentNames(knownDeployments())
    .filter((env) => env !== base)
    .map((head) =>
      contractCheck({
        locations,
        deployments: knownDeployments(),
        teams: config.teams,
        base,
        head,
      }),
    );
}

/** The contract checks narrowed to the locations one team produces from: the team page's panel. */
export async function getTeamPromotion(team: string): Promise<ContractCheck[]> {
  if (environmentNames(knownDeployments()).length < 2) return [];
  return (await getAllContractChecks()).map((check) => {
    const locations = check.locations.filter((l) => l.producer === team);
    const breaking = locations.some((l) => l.verdict === "breaks" || l.verdict === "not-loaded");
    return { ...check, locations, breaking };
  });
}
