import { describe, expect, it } from "vitest";
import type { MaterializationRecord } from "@/lib/domain/run-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { teamAssets } from "@/lib/teams/team-assets";
import { timeWindow } from "@/lib/teams/time-range";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput } from "@/lib/testing/snapshot-fixtures";
import { teamPerformance } from "./team-performance";
import { warmPerformance } from "./warm-performance";

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 2);
const teams = ["a", "b"].map((t) => ({ slug: t, name: t, owners: [`team:${t}`], locations: [] }));
const owned = (team: string) => ({ owners: [{ kind: "team" as const, team }] });
const X = JSON.stringify(["x"]);
const storage = {
  sizeKeys: ["dagster/size_bytes"],
  quotas: [{ name: "shared", bytes: 1e6, locations: [] }],
};

// x (team a, loc-a) feeds y (team b, loc-b); y reads each day's x 2 hours later.
function world() {
  const input = deploymentInput("prod", {
    "loc-a": [def(["x"], { location: "loc-a" }, { downstream: [["y"]] }, owned("a"))],
    "loc-b": [def(["y"], { location: "loc-b" }, { upstream: [["x"]] }, owned("b"))],
  });
  const days = [3, 2, 1];
  const x: MaterializationRecord[] = days.map((d) => ({
    at: NOW - d * 24 * HOUR,
    runId: `x${d}`,
    dataVersion: `x@${d}`,
    bytes: 1_000 * (4 - d),
  }));
  const y: MaterializationRecord[] = days.map((d) => ({
    at: NOW - d * 24 * HOUR + 2 * HOUR,
    runId: `y${d}`,
    dataVersion: `y@${d}`,
    inputVersions: { [X]: `x@${d}` },
    bytes: 500,
  }));
  input.materializations = new Map([
    [X, x],
    [JSON.stringify(["y"]), y],
  ]);
  return buildSnapshot([input], teams, "g", NOW);
}

const report = (snapshot: ReturnType<typeof world>, team: string) =>
  teamPerformance({
    snapshot,
    assets: teamAssets(snapshot, team),
    runs: [],
    window: timeWindow("7d", NOW),
    storage,
  });

describe("warmPerformance", () => {
  it("leaves every team's figures exactly as a cold computation gives them", () => {
    const warmed = world();
    warmPerformance(warmed, storage);
    for (const team of ["a", "b"]) expect(report(warmed, team)).toEqual(report(world(), team));
    // Not vacuous: the chain crosses locations and its hop was measured.
    const chain = report(warmed, "b").latency.chains[0];
    expect(chain?.hops.map((h) => [h.from, h.to, h.samples, h.p50Ms])).toEqual([
      [X, JSON.stringify(["y"]), 3, 2 * HOUR],
    ]);
    expect(report(warmed, "a").storage.quotas[0]?.usedBytes).toBe(3_000 + 500);
  });
});
