import "server-only";
import { getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { buildContracts } from "./build-contracts";
import { contractsMarkdown } from "./contracts-markdown";

/**
 * The contracts Markdown for one team, or for every team when `team` is
 * undefined; null for a team the config does not know. Reads the snapshot only.
 */
export async function getContractsMarkdown(team: string | undefined): Promise<string | null> {
  const config = loadConfig();
  if (team !== undefined && !config.teams.some((t) => t.slug === team)) return null;
  const snapshot = await getSnapshot();
  const slugs = team === undefined ? config.teams.map((t) => t.slug) : [team];
  return contractsMarkdown({
    scope: team === undefined ? "all" : { team },
    contracts: buildContracts(snapshot.graph, snapshot.health, slugs),
    teamNames: new Map(config.teams.map((t) => [t.slug, t.name])),
    generatedAt: Date.now(),
    deployments: snapshot.deployments.map((d) => ({
      name: d.deployment,
      asOf:
        d.locationsAsOf === null || d.statusesAsOf === null
          ? null
          : Math.min(d.locationsAsOf, d.statusesAsOf),
      failing: d.errors.length > 0,
    })),
  });
}
