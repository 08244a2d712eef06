import { describe, expect, it } from "vitest";
import type { MaterializationRecord } from "@/lib/domain/run-types";
import { assetId } from "@/lib/domain/types";
import { buildGraph } from "@/lib/lineage/build-graph";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { timeWindow } from "@/lib/teams/time-range";
import { def } from "@/lib/testing/asset-fixtures";
import { hopIndex } from "./consumption";
import { latencyReport, measuredChains, pathLatency } from "./latency-report";

// The demo's chain: analytics → ML → finance, plus an analytics-internal feeder.
const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 2);
const T = NOW - 24 * 3_600_000;
const id = (k: string) => assetId([k]);
const defs = [
  def(["cleaned_orders"], { location: "analytics" }, { downstream: [["summary"]] }),
  def(["summary"], { location: "analytics" }, { upstream: [["cleaned_orders"]] }),
  def(["features"], { location: "ml" }, { upstream: [["summary"]] }),
  def(["churn"], { location: "ml" }, { upstream: [["features"]] }),
  def(["forecast"], { location: "finance" }, { upstream: [["churn"]] }),
];
const graph = buildGraph(defs, []);

const m = (
  at: number,
  version: string,
  inputs: Record<string, string> = {},
): MaterializationRecord => ({
  at,
  runId: `run-${at}`,
  dataVersion: version,
  inputVersions: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [id(k), v])),
});

// Two changes flow down the chain. Each downstream event names the version it read.
const history = new Map<string, MaterializationRecord[]>([
  [definitionKey("prod", id("cleaned_orders")), [m(T, "o1"), m(T + 50 * MIN, "o2")]],
  [
    definitionKey("prod", id("summary")),
    [
      m(T + 1 * MIN, "s1", { cleaned_orders: "o1" }),
      m(T + 52 * MIN, "s2", { cleaned_orders: "o2" }),
    ],
  ],
  [
    definitionKey("prod", id("features")),
    // The first change reaches ML after 10 minutes, the second after 30.
    [m(T + 11 * MIN, "f1", { summary: "s1" }), m(T + 82 * MIN, "f2", { summary: "s2" })],
  ],
  [
    definitionKey("prod", id("churn")),
    [m(T + 12 * MIN, "c1", { features: "f1" }), m(T + 84 * MIN, "c2", { features: "f2" })],
  ],
  [
    definitionKey("prod", id("forecast")),
    [
      m(T + 20 * MIN, "r1", { churn: "c1" }),
      m(T + 90 * MIN, "r2", { churn: "c2" }),
      // Re-run later on the same input: the consumed churn event is still c2's.
      m(T + 120 * MIN, "r3", { churn: "c2" }),
    ],
  ],
]);
const w = timeWindow("7d", NOW);

describe("hop latency from recorded data versions", () => {
  const index = hopIndex(graph, history);

  it("pairs each downstream event with the upstream event carrying the version it consumed", () => {
    const hops = index.get("prod");
    const features = hops?.get(`${id("summary")}\u0000${id("features")}`);
    expect(features?.map((s) => s.downAt - s.upAt)).toEqual([10 * MIN, 30 * MIN]);
    const forecast = hops?.get(`${id("churn")}\u0000${id("forecast")}`);
    expect(forecast?.map((s) => s.downAt - s.upAt)).toEqual([8 * MIN, 6 * MIN, 36 * MIN]);
  });

  it("gives no sample for events that recorded no input versions", () => {
    const bare = new Map(
      [...history].map(([k, list]) => [k, list.map(({ at, runId }) => ({ at, runId }))]),
    );
    expect(hopIndex(graph, bare).size).toBe(0);
  });

  it("starts a chain at the asset that feeds another location and follows it to the last consumer", () => {
    const { chains } = measuredChains(graph, "prod", index.get("prod") ?? new Map());
    expect(chains).toEqual([[id("summary"), id("features"), id("churn"), id("forecast")]]);
  });

  it("measures each hop and the chain end to end, naming the slowest hop", () => {
    const path = [id("summary"), id("features"), id("churn"), id("forecast")];
    const chain = pathLatency(graph, "prod", path, index, history, w);
    expect(chain.hops.map((h) => [h.samples, h.p50Ms, h.p95Ms])).toEqual([
      [2, 10 * MIN, 30 * MIN],
      [2, 1 * MIN, 2 * MIN],
      [3, 8 * MIN, 36 * MIN],
    ]);
    // summary→features has the highest median.
    expect(chain.slowestHop).toBe(0);
    // End to end per forecast event: 20−1 = 19, 90−52 = 38, 120−52 = 68 minutes.
    expect(chain.endToEnd).toEqual({ samples: 3, p50Ms: 38 * MIN, p95Ms: 68 * MIN });
    expect(chain.assets.map((a) => a.location)).toEqual(["analytics", "ml", "ml", "finance"]);
    expect(chain.hops.map((h) => h.crossLocation)).toEqual([true, false, true]);
  });

  it("lists the chains that include one of a team's assets only", () => {
    const ml = latencyReport(graph, index, history, w, new Map([["prod", new Set([id("churn")])]]));
    expect(ml.chains).toHaveLength(1);
    const other = latencyReport(
      graph,
      index,
      history,
      w,
      new Map([["prod", new Set([id("cleaned_orders")])]]),
    );
    expect(other.chains).toHaveLength(0);
  });
});
