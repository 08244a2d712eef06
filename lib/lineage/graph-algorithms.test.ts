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
  it("returns the unhealthy upstream assets nearest the root", () => {
    const bad = new Set([1, 2, 4, 7]);
    expect(rootCauses(up, 5, (i) => bad.has(i))).toEqual([1, 7]);
    expect(rootCauses(up, 4, (i) => i === 4)).toEqual([4]);
    expect(rootCauses(up, 5, () => false)).toEqual([]);
  });

  it("survives cycles: members of an unhealthy cycle are all roots", () => {
    const cyc = [[1], [0], [1]]; // upstream: 0<-1, 1<-0, 2<-1
    expect(rootCauses(cyc, 2, (i) => i !== 2).sort()).toEqual([0, 1]);
  });
});
