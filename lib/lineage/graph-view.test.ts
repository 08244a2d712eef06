import { describe, expect, it } from "vitest";
import type { GraphPayload } from "@/lib/api/graph-payload";
import {
  decodeGraph,
  impactOf,
  nodeOf,
  parseView,
  searchKeys,
  viewProblems,
  viewToSearch,
  visibleNodes,
} from "./graph-view";

// orders(analytics) -> features(ml) -> model(ml, degraded) -> forecast(finance) ; s3 stub -> orders
const payload: GraphPayload = {
  generation: "g",
  topology: "t",
  deployments: ["prod"],
  locations: [
    [0, "analytics-team"],
    [0, "ml-platform"],
    [0, "finance-reporting"],
  ],
  groups: [
    [0, "summaries"],
    [1, "models"],
    [2, "reporting"],
    [-1, "(defined nowhere)"],
  ],
  teams: ["analytics", "ml", "finance"],
  kinds: ["sql", "python"],
  keys: [["orders"], ["features"], ["model"], ["forecast"], ["s3", "dump"]],
  group: [0, 1, 1, 2, 3],
  team: [0, 1, 1, 2, -1],
  sharedTeams: [],
  nodeKinds: [[0], [1], [1], [0], []],
  health: "HHDHS",
  down: [],
  x: [0, 1, 2, 3, 0],
  y: [0, 0, 0, 0, 1],
  boxes: [],
  edges: [0, 1, 1, 1, 2, 0, 2, 3, 1, 4, 0, 0],
  cycles: [],
};

describe("graph view", () => {
  const g = decodeGraph(payload);

  it("round-trips the view through the URL", () => {
    const view = {
      focus: '["model"]',
      depth: 1,
      selected: '["features"]',
      team: "ml",
      location: null,
      health: ["D", "W"],
      kind: "python",
      collapsed: ["analytics-team:summaries"],
    };
    expect(parseView(new URLSearchParams(viewToSearch(view)))).toEqual(view);
    expect(viewToSearch(parseView(new URLSearchParams("")))).toBe("");
  });

  it("ignores hostile or malformed parameters", () => {
    const v = parseView(new URLSearchParams(`depth=-3&health=<script>&focus=${"x".repeat(9999)}`));
    expect(v).toMatchObject({ depth: 2, health: [], focus: null });
  });

  it("explains what it ignored without repeating the input", () => {
    const hostile = `<script>${"x".repeat(600)}`;
    const problems = viewProblems(
      new URLSearchParams({ depth: "99", health: "D<b>", focus: hostile, team: "ml" }),
    );
    expect(problems).toEqual([
      "Depth must be a whole number from 0 to 10; showing 2.",
      "Ignored focus: longer than 500.",
      "Health takes the letters H, W, D, U, S; others were ignored.",
    ]);
    expect(viewProblems(new URLSearchParams("depth=0&health=DW&team=ml"))).toEqual([]);
  });

  it("filters by team, health and kind, and focuses N levels across locations", () => {
    const all = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i]);
    const base = parseView(new URLSearchParams());
    expect(all(visibleNodes(g, { ...base, team: "ml" }))).toEqual([1, 2]);
    expect(all(visibleNodes(g, { ...base, health: ["D"] }))).toEqual([2]);
    expect(all(visibleNodes(g, { ...base, kind: "sql" }))).toEqual([0, 3]);
    expect(all(visibleNodes(g, { ...base, location: "finance-reporting" }))).toEqual([3]);
    expect(all(visibleNodes(g, { ...base, focus: '["features"]', depth: 1 }))).toEqual([0, 1, 2]);
  });

  it("filters a key owned by two teams (one per deployment) under each of them", () => {
    const shared = decodeGraph({ ...payload, team: [0, 1, -1, 2, -1], sharedTeams: [[2, [1, 2]]] });
    const base = parseView(new URLSearchParams());
    const all = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i]);
    expect(all(visibleNodes(shared, { ...base, team: "ml" }))).toEqual([1, 2]);
    expect(all(visibleNodes(shared, { ...base, team: "finance" }))).toEqual([2, 3]);
    expect(impactOf(shared, 1).blast.teams).toEqual([
      { team: "finance", count: 2 },
      { team: "ml", count: 1 },
    ]);
  });

  it("gives the blast radius with teams, and the root cause, of an unhealthy asset", () => {
    const { blast, roots } = impactOf(g, 2);
    expect(blast.assets).toEqual([3]);
    expect(blast.teams).toEqual([{ team: "finance", count: 1 }]);
    expect(roots).toEqual({ failed: [2], warnings: [] });
    expect(impactOf(g, 3).roots.failed).toEqual([2]);
  });

  it("separates a warning upstream from the asset's own failure", () => {
    // orders warns (a WARN check); model's own step failed.
    const warned = decodeGraph({ ...payload, health: "WHDHS" });
    expect(impactOf(warned, 2, true).roots).toEqual({ failed: [2], warnings: [0] });
    expect(impactOf(warned, 3).roots).toEqual({ failed: [2], warnings: [0] });
    expect(impactOf(warned, 1).roots).toEqual({ failed: [], warnings: [0] });
  });

  it("focuses by any key form the README shows: plain, slash-separated, JSON", () => {
    const base = parseView(new URLSearchParams());
    const all = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i]);
    const around = (focus: string) => all(visibleNodes(g, { ...base, focus, depth: 1 }));
    expect(around("features")).toEqual(around('["features"]'));
    expect(around("features")).toEqual([0, 1, 2]);
    expect(nodeOf(g, "s3/dump")).toBe(4);
    expect(nodeOf(g, '["s3","dump"]')).toBe(4);
    expect(nodeOf(g, "s3")).toBeNull();
    expect(nodeOf(g, null)).toBeNull();
  });

  it("autocompletes keys, best matches first", () => {
    expect(searchKeys(g, "mod")).toEqual([2]);
    expect(searchKeys(g, "s3/d")).toEqual([4]);
    expect(searchKeys(g, "")).toEqual([]);
  });
});
