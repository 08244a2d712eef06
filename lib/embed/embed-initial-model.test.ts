import { type ComponentType, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AssetListPanel } from "@/components/team/asset-list-panel";
import { ComputePanel } from "@/components/team/compute-panel";
import { DependenciesPanel } from "@/components/team/dependencies-panel";
import { DeploysPanel } from "@/components/team/deploys-panel";
import { ExecutionTimesPanel } from "@/components/team/execution-times-panel";
import { FailuresPanel } from "@/components/team/failures-panel";
import { FreshnessPanel } from "@/components/team/freshness-panel";
import { KpiHeader } from "@/components/team/kpi-header";
import { LatencyPanel } from "@/components/team/latency-panel";
import { StoragePanel } from "@/components/team/storage-panel";
import type { DagsterUrls } from "@/lib/links/dagster-links";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { buildTeamPage, type TeamPageModel } from "@/lib/teams/build-team-page";
import type { AssetList } from "@/lib/teams/team-href";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { failedOn, run } from "@/lib/testing/run-fixtures";
import { embedInitialModel } from "./embed-initial-model";
import { TEAM_PANELS, type TeamPanelId } from "./embed-params";

// An embed sends its panel only part of the team model: every panel must draw
// exactly what it draws from the whole model, or the trimmed part was one it reads.

const H = 3_600_000;
const NOW = Date.parse("2026-11-27T12:30:00Z");
const team = { slug: "ml", name: "ML", owners: ["team:ml"], locations: [] };
const ml = { owners: [{ kind: "team" as const, team: "ml" }] };
const raw = def(["raw"], { location: "ingest" });
const features = def(["features"], { location: "ml" }, { upstream: [["raw"]] }, ml);
const model = def(["model"], { location: "training" }, { upstream: [["features"]] }, ml);
const failedRun = run("f1", NOW - H, "FAILURE", { location: "training", ...failedOn(model.id) });
const snapshot = buildSnapshot(
  [
    deploymentInput(
      "prod",
      [
        [raw, failedStatus(NOW - 2 * H)],
        [features, okStatus(NOW - H)],
        [model, failedStatus(NOW - H)],
      ],
      NOW,
      true,
      { runs: [failedRun] },
    ),
  ],
  [team],
  "g",
  NOW,
);
const full = buildTeamPage({
  snapshot,
  team,
  range: "7d",
  now: NOW,
  deployEvents: [],
  previousSample: null,
  runsWindowMs: 30 * 24 * H,
});
const urls = { prod: "http://dagster.example" };

// The panels app/embed/teams/[team]/[panel] loads, each by its id.
const PANELS: Record<
  TeamPanelId,
  ComponentType<{ model: TeamPageModel; urls: DagsterUrls; list: AssetList }>
> = {
  kpis: KpiHeader,
  freshness: FreshnessPanel,
  failures: FailuresPanel,
  dependencies: DependenciesPanel,
  deploys: DeploysPanel,
  "execution-times": ExecutionTimesPanel,
  compute: ComputePanel,
  latency: LatencyPanel,
  storage: StoragePanel,
  assets: AssetListPanel,
};

// The embed hands the panel its first data as the whole model's type: what
// this test checks is that the panel never reads what was left out.
const render = (panel: TeamPanelId, model: TeamPageModel) =>
  renderToStaticMarkup(createElement(PANELS[panel], { model, urls, list: "all" }));

describe("embed initial model", () => {
  it("is smaller than the team model for every panel", () => {
    const size = (v: unknown) => JSON.stringify(v).length;
    for (const panel of Object.keys(TEAM_PANELS) as TeamPanelId[])
      expect(size(embedInitialModel(panel, full))).toBeLessThan(size(full));
  });

  it.each(Object.keys(TEAM_PANELS) as TeamPanelId[])(
    "the %s panel draws the same from it as from the whole model",
    (panel) => {
      const whole = render(panel, full);
      expect(whole.length).toBeGreaterThan(0);
      expect(render(panel, embedInitialModel(panel, full) as TeamPageModel)).toBe(whole);
    },
  );
});
