import { describe, expect, it } from "vitest";
import type { MaterializationRecord } from "@/lib/domain/run-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { teamAssets, teamIndex } from "@/lib/teams/team-assets";
import { timeWindow } from "@/lib/teams/time-range";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput } from "@/lib/testing/snapshot-fixtures";
import { hopIndex, hopIndexSteps } from "./consumption";
import { runNow, runSliced } from "./slices";
import { allStorageInputs, teamPerformance } from "./team-performance";
import { warmPerformance, warmPerformanceSteps } from "./warm-performance";

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

  it("in slices, as the figure warmer runs it, gives the same figures and fills the same caches", async () => {
    const warmed = world();
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    await runSliced(teamIndex.steps(warmed), 0, pause);
    await runSliced(warmPerformanceSteps(warmed, storage), 0, pause);
    expect(pauses).toBeGreaterThan(0);
    // What requests ask for afterwards is what the slices built, not a second build.
    expect(teamIndex(warmed)).toBe(runNow(teamIndex.steps(warmed)));
    const index = hopIndex(warmed.graph, warmed.materializations);
    expect(runNow(hopIndexSteps(warmed.graph, warmed.materializations))).toBe(index);
    expect(allStorageInputs(warmed)).toBe(runNow(allStorageInputs.steps(warmed)));
    for (const team of ["a", "b"]) expect(report(warmed, team)).toEqual(report(world(), team));
  });

  it("a build a request finished first is the one kept", () => {
    const s = world();
    const steps = hopIndexSteps(s.graph, s.materializations);
    steps.next(); // the warmer started…
    const byRequest = hopIndex(s.graph, s.materializations); // …a request built it meanwhile
    expect(runNow(steps)).toBe(byRequest);
  });
});
