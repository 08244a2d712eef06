import { describe, expect, it } from "vitest";
import type { AssetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import { coverageNote, freshnessReport, freshnessSamples } from "./freshness-report";
import type { TeamAsset } from "./team-assets";
import { timeWindow } from "./time-range";

const H = 3_600_000;
const D = 24 * H;
const m = (at: number, runId = `r${at}`) => ({ at, runId });

describe("freshnessSamples", () => {
  it("counts the hours at which the newest materialization was within the window", () => {
    // Samples at 0..9 h; materialized at 0 h and 6 h, fail window 2 h:
    // fresh at 0,1,2 and 6,7,8; stale at 3,4,5 and 9.
    expect(freshnessSamples([m(0), m(6 * H)], 2 * H, 0, 10 * H)).toEqual({
      pass: 6,
      total: 10,
      noData: 0,
      firstCovered: 0,
    });
  });

  it("counts the hours before the first known materialization as no data, not as failures", () => {
    // First materialization at 3.5 h: samples 0..3 h have nothing to judge.
    // Samples 4..9 h: fresh at 4 and 5 (within 2 h of 3.5 h), stale at 6..9.
    expect(freshnessSamples([m(3.5 * H)], 2 * H, 0, 10 * H)).toEqual({
      pass: 2,
      total: 6,
      noData: 4,
      firstCovered: 4 * H,
    });
    expect(freshnessSamples([], H, 0, 5 * H)).toEqual({
      pass: 0,
      total: 0,
      noData: 5,
      firstCovered: null,
    });
  });
});

describe("freshnessReport", () => {
  const NOW = Date.parse("2026-11-27T12:00:00Z");
  const teams = [{ slug: "ml", name: "ML", owners: ["team:ml"], locations: [] }];
  const policy = {
    kind: "time-window" as const,
    failWindowSeconds: 24 * 3600,
    warnWindowSeconds: null,
  };
  const owner = { owners: [{ kind: "team" as const, team: "ml" }], freshnessPolicy: policy };
  const defs = [def(["young"], {}, {}, owner), def(["steady"], {}, {}, owner)];
  const graph = buildGraph(defs, teams);
  const health: AssetHealth = {
    overall: "HEALTHY",
    materialization: "HEALTHY",
    freshness: "HEALTHY",
    checks: "NOT_APPLICABLE",
    source: "computed",
  };
  const status = (lastMaterializedAt: number | null) =>
    ({ lastMaterializedAt }) as unknown as AssetStatus;
  const asset = (i: number, last: number | null): TeamAsset => {
    const d = defs[i] as (typeof defs)[number];
    return {
      node: graph.nodes.get(d.id) as TeamAsset["node"],
      owned: { team: "ml", deployments: [d.deployment], definitions: [d] },
      def: d,
      health,
      status: status(last),
    };
  };

  it("judges a 30-day window only over the time each asset has data", () => {
    const w = timeWindow("30d", NOW);
    // "young" was first materialized 14 days ago and daily since: every one
    // of its 14 × 24 sampled hours from then on is fresh; the 16 days before
    // are no data. "steady" has no history in the window at all, but its
    // status says it last materialized 40 days ago: all 720 samples have data
    // and fail (40 days > 24 h).
    const young = Array.from({ length: 14 }, (_, i) => m(NOW - (14 - i) * D));
    const histories = new Map<string, ReturnType<typeof m>[]>([
      [defs[0]?.id as string, young],
      [defs[1]?.id as string, []],
    ]);
    const r = freshnessReport(
      [asset(0, NOW - D), asset(1, NOW - 40 * D)],
      "ml",
      graph,
      (a) => histories.get(a.node.id) ?? [],
      w,
    );
    expect(r.coveredMs).toBe((14 * 24 + 30 * 24) * H);
    expect(r.noDataMs).toBe(16 * D);
    expect(r.passRate).toBeCloseTo((14 * 24) / (14 * 24 + 30 * 24), 10);
    expect(r.dataFrom).toBe(w.since);
    expect(coverageNote(r, w)).toBe("excludes 16.0 d of asset time with no data");
    // Without "steady", nothing has data for the window's first 16 days.
    const only = freshnessReport([asset(0, NOW - D)], "ml", graph, () => young, w);
    expect(only.passRate).toBe(1);
    expect(coverageNote(only, w)).toBe("no data for the first 16.0 d");
  });

  it("has no pass rate when nothing was ever materialized", () => {
    const r = freshnessReport([asset(0, null)], "ml", graph, () => [], timeWindow("7d", NOW));
    expect(r.passRate).toBeNull();
    expect(r.noDataMs).toBe(7 * D);
    expect(r.dataFrom).toBeNull();
    expect(coverageNote(r, timeWindow("7d", NOW))).toBe("no data in this window");
  });
});
