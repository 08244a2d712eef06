import { ASSET_LISTS, type AssetList } from "./team-href";
import { DEFAULT_RANGE, isRange, type RangeKey } from "./time-range";

export interface TeamView {
  range: RangeKey;
  location?: string;
  list: AssetList;
  /** Human-readable notes about parameters that were ignored; never the raw input. */
  problems: string[];
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads a team page's view from its query string; bad values fall back with a note. */
export function loadTeamSearchParams(
  params: Record<string, string | string[] | undefined>,
): TeamView {
  const problems: string[] = [];
  const rawRange = first(params.range);
  let range: RangeKey = DEFAULT_RANGE;
  if (rawRange !== undefined) {
    if (isRange(rawRange)) range = rawRange;
    else problems.push(`Unknown range; showing ${DEFAULT_RANGE}. Use one of 24h, 7d, 14d, 30d.`);
  }
  const rawList = first(params.list);
  let list: AssetList = "all";
  if (rawList !== undefined) {
    if ((ASSET_LISTS as readonly string[]).includes(rawList)) list = rawList as AssetList;
    else problems.push("Unknown asset list; showing all assets.");
  }
  const rawLocation = first(params.location);
  const location = rawLocation && rawLocation.length <= 200 ? rawLocation : undefined;
  if (rawLocation !== undefined && !location)
    problems.push("Invalid location filter; showing all locations.");
  return { range, location, list, problems };
}

/**
 * A note for a location filter that names none of the team's locations (the
 * page then shows all of them: getTeamPage ignores such a filter), or null.
 * Needs the team's locations, so the page calls it once the model is built.
 */
export function unknownLocationProblem(
  location: string | undefined,
  teamLocations: readonly string[],
): string | null {
  if (location === undefined || teamLocations.includes(location)) return null;
  return `No code location of this team has that name; choose one of ${teamLocations.join(", ")}. Showing all of them.`;
}
