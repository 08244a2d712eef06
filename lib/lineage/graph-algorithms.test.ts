import { describe, expect, it } from "vitest";
import { blastRadius, focusSet, rootCauses, within } from "./graph-algorithms";

// 0 raw -> 1 clean -> 2 summary -> 3 features -> 4 model -> 5 forecast
//                         \-> 6 report       7 external -> 3
const edges: [number, number][] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 5],
  [2, 6],
  [7, 3],
];
const n = 8;
const down: number[][] = Array.from({ length: n }, () => []);
const up: number[][] = Array.from({ length: n }, () => []);
for (const [a, b] of edges) {
  down[a]?.push(b);
  up[b]?.push(a);
}
const team = ["analytics", "analytics", "analytics", "ml", "ml", "finance", "finance", null];

describe("within / focusSet", () => {
  it("limits the focus to N levels each way, across locations", () => {
    expect([...within(down, 2, 1).entries()]).toEqual([
      [2, 0],
      [3, 1],
      [6, 1],
    ]);
    expect([...focusSet(up, down, 3, 1)].sort()).toEqual([2, 3, 4, 7]);
    expect([...focusSet(up, down, 3, 2)].sort()).toEqual([1, 2, 3, 4, 5, 7]);
    expect([...focusSet(up, down, 3, 0)]).toEqual([3]);
  });
});

describe("blastRadius", () => {
  it("lists every downstream asset, nearest first, and counts per team", () => {
    const r = blastRadius(down, 2, (i) => (team[i] ? [team[i] as string] : []));
    expect(r.assets).toEqual([3, 6, 4, 5]);
    expect(r.teams).toEqual([
      { team: "finance", count: 2 },
      { team: "ml", count: 2 },
    ]);
    expect(blastRadius(down, 5, () => [])).toEqual({ assets: [], teams: [] });
  });

  it("counts a downstream key owned by two teams (one per deployment) for both", () => {
    const r = blastRadius(down, 2, (i) => (i === 3 ? ["ml", "finance"] : []));
    expect(r.teams).toEqual([
      { team: "(no team)", count: 3 },
      { team: "finance", count: 1 },
      { team: "ml", count: 1 },
    ]);
  });
});

describe("rootCauses", () => {
  const only = (degraded: Set<number>, warning = new Set<number>()) => ({
    degraded: (i: number) => degraded.has(i),
    warning: (i: number) => warning.has(i),
  });

  it("returns the degraded assets nearest the root", () => {
    const r = rootCauses(up, 5, only(new Set([1, 2, 4, 7])));
    expect(r.failed).toEqual([1, 7]);
    expect(r.warnings).toEqual([]);
    expect(rootCauses(up, 4, only(new Set([4]))).failed).toEqual([4]);
    expect(rootCauses(up, 5, only(new Set()))).toEqual({ failed: [], warnings: [] });
  });

  // The demo: raw_orders(0) -> customer_order_summary(1) -> customer_features(3) -> recommendation_model(5)
  //           raw_orders(0) -> product_performance(2, WARN check) -> product_embeddings(4) -> recommendation_model(5)
  const demoUp = [[], [0], [0], [1], [2], [3, 4]];

  it("names the asset itself, not a warning upstream, when its own step failed", () => {
    const r = rootCauses(demoUp, 5, only(new Set([5]), new Set([2])), true);
    expect(r.failed).toEqual([5]);
    expect(r.warnings).toEqual([2]);
  });

  it("names a degraded asset itself even without knowing its own step failed", () => {
    expect(rootCauses(demoUp, 5, only(new Set([5]), new Set([2]))).failed).toEqual([5]);
  });

  it("keeps a degraded ancestor and adds the asset when its own step failed too", () => {
    const health = only(new Set([1, 5]), new Set([2]));
    expect(rootCauses(demoUp, 5, health).failed).toEqual([1]);
    expect(rootCauses(demoUp, 5, health, true).failed).toEqual([1, 5]);
  });

  it("lists warning ancestors only as also unhealthy, never as failed", () => {
    const r = rootCauses(demoUp, 4, only(new Set(), new Set([2, 4])));
    expect(r.failed).toEqual([]);
    expect(r.warnings).toEqual([2]);
  });

  it("survives cycles: members of a degraded cycle are all roots", () => {
    const cyc = [[1], [0], [1]]; // upstream: 0<-1, 1<-0, 2<-1
    expect(rootCauses(cyc, 2, only(new Set([0, 1]))).failed.sort()).toEqual([0, 1]);
  });
});
