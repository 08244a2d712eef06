import type { TeamConfig } from "@/lib/config/config-schema";
import { type AssetDefinition, ownerLabel } from "@/lib/domain/types";

/**
 * The team an asset belongs to: by its Dagster owners first (in the order the
 * asset lists them), by its code location otherwise, or null.
 */
export function assignTeam(
  asset: Pick<AssetDefinition, "owners" | "deployment" | "location">,
  teams: readonly TeamConfig[],
): string | null {
  for (const owner of asset.owners) {
    const label = ownerLabel(owner);
    const team = teams.find((t) => t.owners.includes(label));
    if (team) return team.slug;
  }
  const byLocation = teams.find((t) =>
    t.locations.some((l) => l.deployment === asset.deployment && l.location === asset.location),
  );
  return byLocation?.slug ?? null;
}
