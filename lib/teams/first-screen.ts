import { ASSET_FILTERS } from "./asset-lists";
import type { TeamPageModel } from "./build-team-page";
import { ASSET_LISTS, type AssetList } from "./team-href";

// The team page's document carries its model twice (the RSC payload and the
// HTML it renders), and at 10,000 assets most of that model is the long lists:
// every asset row, every foreign dependency, every overdue asset. The first
// screen shows one page of each. So the document gets the model with each long
// list cut to its first page, plus the lists' full lengths (every count shown
// stays the whole list's); the browser fetches the whole model right after
// hydration (the same /api/v1/teams body it polls) and pages through it. The
// rows cut are the first of the list in the model's own order, after the
// asset-list filter, so the first page is the same before and after the
// whole model arrives.

/** Rows of a long list the first screen draws, and per page after. */
export const PAGE_ROWS = 25;

/** The full length of every list the first screen cuts, by the part of the model holding it. */
export interface ListTotals {
  assets: Record<AssetList, number>;
  dependencies: { upstream: number; downstream: number; downstreamAtRisk: number };
  freshness: { overdue: number; consumedBy: number };
}

/** The team model as the team page's document carries it: `cut` when its long lists are cut. */
export type FirstScreenModel = TeamPageModel & { cut?: ListTotals };

// Each part's lengths: those a cut model carries, or the whole part's own. Per
// part, as each panel reads only its own (an embed's model holds no other,
// lib/embed/embed-initial-model.ts).

export function assetTotals(model: FirstScreenModel): ListTotals["assets"] {
  if (model.cut) return model.cut.assets;
  return Object.fromEntries(
    ASSET_LISTS.map((l) => [l, model.assets.filter(ASSET_FILTERS[l]).length]),
  ) as Record<AssetList, number>;
}

export function dependencyTotals(model: FirstScreenModel): ListTotals["dependencies"] {
  if (model.cut) return model.cut.dependencies;
  const { upstream, downstream } = model.dependencies;
  return {
    upstream: upstream.length,
    downstream: downstream.length,
    downstreamAtRisk: downstream.filter((r) => r.atRisk).length,
  };
}

export function freshnessTotals(model: FirstScreenModel): ListTotals["freshness"] {
  if (model.cut) return model.cut.freshness;
  const f = model.freshness;
  return { overdue: f.overdue.length, consumedBy: f.consumedByOtherTeams.length };
}

/**
 * The model with the asset list `list` and the dependency and freshness lists
 * cut to their first `rows`; the model itself when nothing is longer.
 */
export function firstScreenModel(
  model: TeamPageModel,
  list: AssetList,
  rows = PAGE_ROWS,
): FirstScreenModel {
  const totals: ListTotals = {
    assets: assetTotals(model),
    dependencies: dependencyTotals(model),
    freshness: freshnessTotals(model),
  };
  const { upstream, downstream } = totals.dependencies;
  const { overdue, consumedBy } = totals.freshness;
  if (Math.max(totals.assets.all, upstream, downstream, overdue, consumedBy) <= rows) return model;
  const { dependencies: d, freshness: f } = model;
  return {
    ...model,
    assets: model.assets.filter(ASSET_FILTERS[list]).slice(0, rows),
    dependencies: { upstream: d.upstream.slice(0, rows), downstream: d.downstream.slice(0, rows) },
    freshness: {
      ...f,
      overdue: f.overdue.slice(0, rows),
      consumedByOtherTeams: f.consumedByOtherTeams.slice(0, rows),
    },
    cut: totals,
  };
}
