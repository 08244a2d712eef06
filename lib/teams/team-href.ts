import { withEnv } from "@/lib/environments/env-href";
import type { RangeKey } from "./time-range";

export type AssetList = "all" | "healthy" | "stale" | "degraded" | "unhealthy";
export const ASSET_LISTS: readonly AssetList[] = [
  "all",
  "healthy",
  "stale",
  "degraded",
  "unhealthy",
];

/** A team page URL; the whole view state lives in it so a link can be shared. */
export function teamHref(
  slug: string,
  view: { range: RangeKey; location?: string; list?: AssetList; env?: string },
  hash?: string,
): string {
  const q = new URLSearchParams({ range: view.range });
  if (view.location) q.set("location", view.location);
  if (view.list && view.list !== "all") q.set("list", view.list);
  // The environment shown stays on every link (docs/environments.md).
  const href = withEnv(`/teams/${encodeURIComponent(slug)}?${q.toString()}`, view.env);
  return `${href}${hash ? `#${hash}` : ""}`;
}
