import { describe, expect, it } from "vitest";
import type { MaterializationRecord } from "@/lib/domain/run-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { teamAssets } from "@/lib/teams/team-assets";
import { timeWindow } from "@/lib/teams/time-range";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput } from "@/lib/testing/snapshot-fixtures";
import { teamPerformance } from "./team-performance";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2);
const teams = [
  { slug: "a", name: "A", owners: ["team:a"], locations: [] },
  { slug: "b", name: "B", owners: ["team:b"], locations: [] },
];
const owned = (team: string) => ({ owners: [{ kind: "team" as const, team }] });
const sized = (bytes: number): MaterializationRecord[] => [
  { at: NOW - 3 * DAY, runId: "r1", bytes },
  { at: NOW - 1 * DAY, runId: "r2", bytes: bytes * 2 },
];

// Team a writes to shared storage from loc-a, team b from loc-b; a quota on
// loc-b only concerns team b, one over every location concerns both.
const input = deploymentInput("prod", {
  "loc-a": [def(["x"], { location: "loc-a" }, {}, owned("a"))],
  "loc-b": [def(["y"], { location: "loc-b" }, {}, owned("b"))],
});
input.materializations = new Map([
  [JSON.stringify(["x"]), sized(1_000)],
  [JSON.stringify(["y"]), sized(5_000)],
]);
const snapshot = buildSnapshot([input], teams, "g", NOW);
const storage = {
  sizeKeys: ["dagster/size_bytes"],
  quotas: [
    { name: "everything", bytes: 100_000, locations: [] },
    { name: "b only", bytes: 50_000, locations: ["loc-b"] },
  ],
};
const report = (team: string) =>
  teamPerformance({
    snapshot,
    assets: teamAssets(snapshot, team),
    runs: [],
    window: timeWindow("7d", NOW),
    storage,
  });

describe("teamPerformance", () => {
  it("shows a team the quotas that cover one of its locations, measured over every owner's assets", () => {
    const a = report("a").storage;
    expect(a.quotas.map((q) => [q.name, q.usedBytes])).toEqual([["everything", 12_000]]);
    const b = report("b").storage;
    expect(b.quotas.map((q) => [q.name, q.usedBytes])).toEqual([
      ["everything", 12_000],
      ["b only", 10_000],
    ]);
  });

  it("counts only the team's own assets in its storage per location", () => {
    expect(report("a").storage.locations.map((l) => [l.location, l.bytes])).toEqual([
      ["loc-a", 2_000],
    ]);
  });
});
