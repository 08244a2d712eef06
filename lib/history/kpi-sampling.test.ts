import { describe, expect, it } from "vitest";
import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildSnapshot, type DeploymentInput } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { countsForScope, sampleTeamKpis } from "./kpi-sampling";

const H = 3_600_000;
const T0 = Date.parse("2026-11-27T12:00:00Z");
const teams = [
  { slug: "ml", name: "ML", owners: ["team:ml"], locations: [] },
  { slug: "finance", name: "Finance", owners: ["team:finance"], locations: [] },
];
const ml = { owners: [{ kind: "team" as const, team: "ml" }] };

const ok = (at: number): AssetStatus => ({
  lastMaterializedAt: at,
  lastMaterializationRunId: "r",
  lastFailedAt: null,
  latestRun: { id: "r", status: "SUCCESS", startedAt: at - 1, endedAt: at },
  inProgressRunIds: [],
  freshness: null,
  checks: null,
  partitions: null,
  plusHealth: null,
});
const failed = (at: number): AssetStatus => ({
  ...ok(at - H),
  latestRun: { id: "f", status: "FAILURE", startedAt: at - 1, endedAt: at },
});

/** A deployment's collector state; `reachable` false keeps the last good data with an error. */
function deployment(
  name: string,
  assets: [AssetDefinition, AssetStatus][],
  fetchedAt: number | null,
  reachable = true,
): DeploymentInput {
  const byLocation = new Map<string, AssetDefinition[]>();
  for (const [a] of assets) byLocation.set(a.location, [...(byLocation.get(a.location) ?? []), a]);
  const error = reachable ? null : "connect ECONNREFUSED";
  return {
    deployment: name,
    locations: {
      deployment: name,
      asOf: fetchedAt,
      error,
      locations: [...byLocation].map(([location, defs]) => ({
        deployment: name,
        name: location,
        status: "loaded" as const,
        error: null,
        versionKey: "v1",
        updatedAt: 0,
        repositories: ["__repository__"],
        assets: defs,
      })),
    },
    statuses: new Map(fetchedAt === null ? [] : assets.map(([a, s]) => [a.id, s])),
    statusesAsOf: fetchedAt,
    statusesError: error,
    runs: [],
    runsAsOf: fetchedAt,
    runsError: error,
    materializations: new Map(),
  };
}

describe("sampleTeamKpis with one deployment unreachable", () => {
  const prodA = def(["features"], { deployment: "prod", location: "ml" }, {}, ml);
  const prodB = def(["model"], { deployment: "prod", location: "training" }, {}, ml);
  const edgeA = def(["edge_scores"], { deployment: "edge", location: "ml" }, {}, ml);
  const lateA = def(["late"], { deployment: "late", location: "ml" }, {}, ml);

  function snapshotAt(now: number, edgeReachable: boolean) {
    return buildSnapshot(
      [
        deployment(
          "prod",
          [
            [prodA, ok(now - H)],
            [prodB, failed(now - H)],
          ],
          now,
        ),
        // Unreachable since an hour: its last good data is from then.
        deployment("edge", [[edgeA, failed(now - 2 * H)]], now - H, edgeReachable),
        // Never answered: nothing is known about it.
        deployment("late", [[lateA, ok(now)]], null, false),
      ],
      teams,
      "g",
      now,
    );
  }

  it("still samples, counting the dead deployment's last good data and leaving out the unknown one", () => {
    const [mlSample, finance] = sampleTeamKpis(snapshotAt(T0, false), ["ml", "finance"], T0);
    expect(mlSample?.at).toBe(T0);
    expect(mlSample?.deployments).toEqual([
      { deployment: "prod", live: true },
      { deployment: "edge", live: false },
    ]);
    expect(mlSample?.rows).toEqual(
      expect.arrayContaining([
        { deployment: "prod", location: "ml", owned: 1, healthy: 1, stale: 0, degraded: 0 },
        { deployment: "prod", location: "training", owned: 1, healthy: 0, stale: 0, degraded: 1 },
        { deployment: "edge", location: "ml", owned: 1, healthy: 0, stale: 0, degraded: 1 },
      ]),
    );
    expect(mlSample?.rows).toHaveLength(3);
    // A team with no assets is a covered zero, not a missing sample.
    expect(finance?.rows).toEqual([]);
    expect(finance?.deployments).toHaveLength(2);
  });

  it("sums only the scope the view shows, and refuses a scope the sample did not cover", () => {
    const [s] = sampleTeamKpis(snapshotAt(T0, false), ["ml"], T0);
    const sample = s ?? null;
    expect(countsForScope(sample, { deployments: ["prod", "edge"] })).toEqual({
      owned: 3,
      healthy: 1,
      stale: 0,
      degraded: 2,
    });
    expect(countsForScope(sample, { deployments: ["prod", "edge"], location: "ml" })).toEqual({
      owned: 2,
      healthy: 1,
      stale: 0,
      degraded: 1,
    });
    expect(countsForScope(sample, { deployments: ["prod"], location: "training" })).toEqual({
      owned: 1,
      healthy: 0,
      stale: 0,
      degraded: 1,
    });
    // "late" was not covered then: no comparison rather than a biased one.
    expect(countsForScope(sample, { deployments: ["prod", "late"] })).toBeNull();
    expect(countsForScope(null, { deployments: ["prod"] })).toBeNull();
  });

  it("takes nothing when no deployment has answered yet", () => {
    const snap = buildSnapshot(
      [deployment("late", [[lateA, ok(T0)]], null, false)],
      teams,
      "g",
      T0,
    );
    expect(sampleTeamKpis(snap, ["ml"], T0)).toEqual([]);
  });
});
