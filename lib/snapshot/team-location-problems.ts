import type { TeamConfig } from "@/lib/config/config-schema";
import { teamAssets } from "@/lib/teams/team-assets";
import type { LocationOutage } from "./location-outages";
import type { HealthSnapshot } from "./snapshot-types";

/**
 * The outages a team should hear about: its configured locations and the
 * locations of the assets it owns (kept while they are down), optionally one
 * location only; a deployment never reached counts for every team that lists
 * it. Team banner and overview tiles ("failing locations") read this.
 */
export function teamLocationProblems(
  snapshot: HealthSnapshot,
  team: Pick<TeamConfig, "slug" | "locations">,
  location?: string,
): LocationOutage[] {
  if (snapshot.outages.length === 0) return [];
  const mine = new Set<string>();
  const deployments = new Set<string>();
  const add = (deployment: string, name: string) => {
    mine.add(`${deployment}\u0000${name}`);
    deployments.add(deployment);
  };
  for (const l of team.locations) add(l.deployment, l.location);
  for (const a of teamAssets(snapshot, team.slug)) add(a.def.deployment, a.def.location);
  const out = snapshot.outages.filter((o) =>
    o.location === null
      ? !location && deployments.has(o.deployment)
      : mine.has(`${o.deployment}\u0000${o.location}`) && (!location || o.location === location),
  );
  // A configured location of an unreachable deployment is down too, even when
  // the deployment's last answer did not list it (nothing can be known of it).
  for (const l of team.locations) {
    if (location && l.location !== location) continue;
    const unreachable = snapshot.outages.find(
      (o) => o.deployment === l.deployment && o.kind === "deployment-unreachable",
    );
    const listed = out.some((o) => o.deployment === l.deployment && o.location === l.location);
    if (unreachable && unreachable.location !== null && !listed)
      out.push({ ...unreachable, location: l.location, assetCount: 0, assetsAsOf: null });
  }
  return out;
}
