import { describe, expect, it } from "vitest";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { countsForScope, sampleTeamKpis } from "./kpi-sampling";

const H = 3_600_000;
const T0 = Date.parse("2026-11-27T12:00:00Z");
const teams = [
  { slug: "ml", name: "ML", owners: ["team:ml"], locations: [] },
  { slug: "finance", name: "Finance", owners: ["team:finance"], locations: [] },
];
const ml = { owners: [{ kind: "team" as const, team: "ml" }] };

const ok = okStatus;
const failed = failedStatus;
const deployment = deploymentInput;

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
