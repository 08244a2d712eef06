import type { TeamConfig } from "@/lib/config/config-schema";
import { type AssetDefinition, ownerLabel } from "@/lib/domain/types";

/**
 * The team one definition belongs to: by its Dagster owners first (in the
 * order the definition lists them), by its code location otherwise, or null.
 * Decided per definition: the same key may belong to different teams in
 * different deployments or locations.
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

/**
 * A definition Dagster can neither materialize nor observe where it is
 * declared: an external AssetSpec, typically a consumer location naming an
 * upstream that another location produces.
 */
export function onlyDeclares(def: Pick<AssetDefinition, "isMaterializable" | "isObservable">) {
  return !def.isMaterializable && !def.isObservable;
}

/**
 * Splits one key's definitions into those that decide its owner and the
 * references that only carry lineage. A declaration is a reference when any
 * other definition (any location, any deployment) materializes or observes
 * the key; a key known only from declarations is owned by its declarers, since
 * nothing else could own it.
 */
export function splitReferences(definitions: readonly AssetDefinition[]): {
  owning: AssetDefinition[];
  references: AssetDefinition[];
} {
  const owning = definitions.filter((d) => !onlyDeclares(d));
  if (owning.length === 0) return { owning: [...definitions], references: [] };
  return { owning, references: definitions.filter(onlyDeclares) };
}
