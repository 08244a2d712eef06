import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AssetListPanel } from "@/components/team/asset-list-panel";
import { DependenciesPanel } from "@/components/team/dependencies-panel";
import { FreshnessPanel } from "@/components/team/freshness-panel";
import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { buildTeamPage } from "./build-team-page";
import { firstScreenModel, PAGE_ROWS } from "./first-screen";
import { ASSET_LISTS } from "./team-href";

// The team page's document carries the model with its long lists cut to a
// first page: every count shown must stay the whole list's, and the first page
// drawn must be the one the whole model draws.

const H = 3_600_000;
const NOW = Date.parse("2026-11-27T12:30:00Z");
const team = { slug: "ml", name: "ML", owners: ["team:ml"], locations: [] };
const ml = { owners: [{ kind: "team" as const, team: "ml" }] };
const bi = { owners: [{ kind: "team" as const, team: "bi" }] };

/** `n` ML assets, each reading a raw asset and read by a BI report; every third one failed. */
function teamModel(n: number) {
  const assets = Array.from({ length: n }, (_, i) => {
    const raw = def([`raw_${i}`], { location: "ingest" }, {}, bi);
    const own = def([`feature_${i}`], { location: "ml" }, { upstream: [[`raw_${i}`]] }, ml);
    const report = def([`report_${i}`], { location: "bi" }, { upstream: [[`feature_${i}`]] }, bi);
    const rows: [AssetDefinition, AssetStatus][] = [
      [raw, okStatus(NOW - H)],
      [own, i % 3 === 0 ? failedStatus(NOW - H) : okStatus(NOW - H)],
      [report, okStatus(NOW - H)],
    ];
    return rows;
  }).flat();
  const snapshot = buildSnapshot(
    [deploymentInput("prod", assets, NOW, true)],
    [team, { slug: "bi", name: "BI", owners: ["team:bi"], locations: [] }],
    "g",
    NOW,
  );
  return buildTeamPage({
    snapshot,
    team,
    range: "7d",
    now: NOW,
    deployEvents: [],
    previousSample: null,
    runsWindowMs: 30 * 24 * H,
  });
}

const urls = { prod: "http://dagster.example" };
const tables = (html: string) => html.match(/<table[\s\S]*?<\/table>/g) ?? [];

describe("firstScreenModel", () => {
  it("leaves a model whose lists fit on one page as it is", () => {
    const small = teamModel(PAGE_ROWS - 1);
    expect(firstScreenModel(small, "all")).toBe(small);
  });

  const full = teamModel(PAGE_ROWS * 2 + 7);

  it("cuts the long lists to one page and keeps their whole lengths", () => {
    const cut = firstScreenModel(full, "all");
    expect(cut.assets).toHaveLength(PAGE_ROWS);
    expect(cut.dependencies.upstream).toHaveLength(PAGE_ROWS);
    expect(cut.dependencies.downstream).toHaveLength(PAGE_ROWS);
    expect(JSON.stringify(cut).length).toBeLessThan(JSON.stringify(full).length / 2);
    // The lengths are the KPIs buildTeamPage counts on its own.
    expect(cut.cut?.assets.all).toBe(full.kpis.owned);
    expect(cut.cut?.assets.degraded).toBe(full.kpis.degraded);
    expect(cut.cut?.dependencies.upstream).toBe(PAGE_ROWS * 2 + 7);
    expect(cut.cut?.dependencies.downstream).toBe(PAGE_ROWS * 2 + 7);
    expect(cut.cut?.dependencies.downstreamAtRisk).toBe(Math.ceil((PAGE_ROWS * 2 + 7) / 3));
  });

  it.each(ASSET_LISTS)("draws the %s list's first page and counts as the whole model does", (l) => {
    const panel = (model: typeof full) =>
      renderToStaticMarkup(createElement(AssetListPanel, { model, urls, list: l }));
    const whole = panel(full);
    const first = panel(firstScreenModel(full, l));
    expect(tables(first)).toEqual(tables(whole));
    const pills = (html: string) => html.match(/>(all|healthy|stale|degraded|unhealthy) \(\d+\)</g);
    expect(pills(first)).toEqual(pills(whole));
    expect(pills(whole)).toHaveLength(ASSET_LISTS.length);
  });

  it("draws the same first pages of the dependency and freshness lists", () => {
    for (const Panel of [DependenciesPanel, FreshnessPanel]) {
      const draw = (model: typeof full) =>
        renderToStaticMarkup(createElement(Panel, { model, urls }));
      const whole = draw(full);
      const first = draw(firstScreenModel(full, "all"));
      expect(tables(first)).toEqual(tables(whole));
      const headings = (html: string) => html.match(/<h3[\s\S]*?<\/h3>/g);
      expect(headings(first)).toEqual(headings(whole));
    }
  });
});
