import { describe, expect, it } from "vitest";
import type { AssetDefinition } from "@/lib/domain/types";
import { type AssetHealth, assetHealth } from "@/lib/health/health-model";
import { buildGraph } from "@/lib/lineage/build-graph";
import { def } from "@/lib/testing/asset-fixtures";
import { buildContracts, teamContracts } from "./build-contracts";
import { contractsMarkdown } from "./contracts-markdown";

const TEAMS = [
  { slug: "analytics", name: "Analytics", owners: ["team:analytics"], locations: [] },
  { slug: "ml", name: "ML Platform", owners: ["team:ml"], locations: [] },
  {
    slug: "finance",
    name: "Finance",
    owners: ["team:finance"],
    locations: [{ deployment: "prod", location: "finance" }],
  },
];
const team = (t: string) => ({ owners: [{ kind: "team" as const, team: t }] });
const window = (fail: number, warn: number | null) => ({
  freshnessPolicy: {
    kind: "time-window" as const,
    failWindowSeconds: fail,
    warnWindowSeconds: warn,
  },
});

/** analytics (prod) -> ml (staging, another deployment) -> finance, plus an unowned and an undefined upstream. */
function demo(): AssetDefinition[] {
  return [
    def(
      ["orders"],
      { location: "analytics" },
      {},
      { ...team("analytics"), ...window(172_800, 86_400) },
    ),
    def(
      ["features"],
      { deployment: "staging", location: "ml" },
      { upstream: [["orders"]] },
      {
        owners: [
          { kind: "team", team: "ml" },
          { kind: "user", email: "dana@example.com" },
        ],
      },
    ),
    def(
      ["ml", "model"],
      { deployment: "staging", location: "ml" },
      { upstream: [["features"]] },
      team("ml"),
    ),
    def(["fx_rates"], { location: "vendor" }, {}, window(21_600, 10_800)),
    def(
      ["forecast"],
      { location: "finance" },
      { upstream: [["ml", "model"], ["orders"], ["fx_rates"], ["ledger"]] },
      team("finance"),
    ),
    def(
      ["report"],
      { location: "finance" },
      { upstream: [["forecast"], ["orders"]] },
      team("finance"),
    ),
  ];
}

function healthOf(overall: Record<string, AssetHealth["overall"]>) {
  return new Map(
    Object.entries(overall).map(([id, o]) => [id, { ...assetHealth(undefined), overall: o }]),
  );
}

describe("teamContracts", () => {
  it("lists each cross-team upstream once, grouped by producer, no team last, with its consumers", () => {
    const graph = buildGraph(demo(), TEAMS);
    const health = healthOf({ '["ml","model"]': "DEGRADED", '["orders"]': "HEALTHY" });
    const finance = teamContracts(graph, health, "finance");
    expect(finance.producers.map((p) => p.producer)).toEqual(["analytics", "ml", null]);
    const [analytics, ml, none] = finance.producers;
    expect(analytics?.assets).toEqual([
      {
        id: '["orders"]',
        key: ["orders"],
        producer: "analytics",
        locations: [{ deployment: "prod", location: "analytics" }],
        owners: ["team:analytics"],
        freshnessPolicies: [
          { kind: "time-window", failWindowSeconds: 172_800, warnWindowSeconds: 86_400 },
        ],
        health: "HEALTHY",
        usedBy: [["forecast"], ["report"]],
      },
    ]);
    // Across deployments: ml's model lives in staging, finance in prod.
    expect(ml?.assets.map((a) => [a.key, a.locations, a.health])).toEqual([
      [["ml", "model"], [{ deployment: "staging", location: "ml" }], "DEGRADED"],
    ]);
    // Unowned but defined (vendor) and referenced but defined nowhere (ledger, a stub).
    expect(none?.assets.map((a) => [a.id, a.locations.length, a.health])).toEqual([
      ['["fx_rates"]', 1, "UNKNOWN"],
      ['["ledger"]', 0, "UNKNOWN"],
    ]);
    // Intra-team edges (forecast -> report) are not contracts.
    expect(finance.producers.flatMap((p) => p.assets.map((a) => a.id))).not.toContain(
      '["forecast"]',
    );
  });

  it("names the producer's own definitions only, never a consumer's external spec", () => {
    // finance declares orders with an external AssetSpec (tagged with its own owner,
    // as the second demo workspace does): analytics still answers for orders alone.
    const spec = def(
      ["orders"],
      { location: "finance" },
      {},
      { ...team("finance"), isMaterializable: false, isObservable: false, isExecutable: false },
    );
    const graph = buildGraph([...demo(), spec], TEAMS);
    const orders = teamContracts(graph, new Map(), "finance")
      .producers.find((p) => p.producer === "analytics")
      ?.assets.find((a) => a.id === '["orders"]');
    expect(orders?.owners).toEqual(["team:analytics"]);
    expect(orders?.locations).toEqual([{ deployment: "prod", location: "analytics" }]);
  });

  it("gives an empty list to a team that consumes nothing from others", () => {
    const graph = buildGraph(demo(), TEAMS);
    expect(teamContracts(graph, new Map(), "analytics")).toEqual({
      team: "analytics",
      producers: [],
    });
    expect(buildContracts(buildGraph([], TEAMS), new Map(), ["ml", "analytics"])).toEqual([
      { team: "analytics", producers: [] },
      { team: "ml", producers: [] },
    ]);
  });

  it("is deterministic whatever order the definitions arrive in", () => {
    const a = buildContracts(buildGraph(demo(), TEAMS), new Map(), ["finance", "ml"]);
    const b = buildContracts(buildGraph(demo().reverse(), TEAMS), new Map(), ["ml", "finance"]);
    expect(b).toEqual(a);
  });
});

describe("contractsMarkdown", () => {
  const doc = (contracts: ReturnType<typeof buildContracts>) =>
    contractsMarkdown({
      scope: { team: "finance" },
      contracts,
      teamNames: new Map(TEAMS.map((t) => [t.slug, t.name])),
      generatedAt: Date.UTC(2026, 10, 27, 18, 0, 0),
      deployments: [
        { name: "prod", asOf: Date.UTC(2026, 10, 27, 17, 59, 58), failing: false },
        { name: "staging", asOf: null, failing: true },
      ],
    });

  it("says when and from which deployments it was generated, and the data's as-of time", () => {
    const md = doc(buildContracts(buildGraph(demo(), TEAMS), new Map(), ["finance"]));
    expect(md).toContain("# Dependency contracts: Finance\n");
    expect(md).toContain(
      "Generated 2026-11-27T18:00:00Z by Healthboard from the deployments `prod`, `staging`.",
    );
    expect(md).toContain(
      "Data as of: `prod` 2026-11-27T17:59:58Z; `staging` never read (unreachable).",
    );
  });

  it("renders one table per producer with the policy in words and the consumers", () => {
    const md = doc(buildContracts(buildGraph(demo(), TEAMS), new Map(), ["finance"]));
    expect(md).toContain("## Finance (`finance`) consumes");
    expect(md).toContain("### From Analytics (`analytics`)");
    expect(md).toContain(
      "| `orders` | Analytics (`analytics`) | prod/analytics | team:analytics | fresh within 2 d; warn after 1 d | unknown | `forecast`, `report` |",
    );
    expect(md).toContain(
      "| `ml/model` | ML Platform (`ml`) | staging/ml | team:ml | none | unknown | `forecast` |",
    );
    expect(md).toContain("### From \\(no team\\)");
    expect(md).toContain(
      "| `fx_rates` | \\(no team\\) | prod/vendor | none | fresh within 6 h; warn after 3 h |",
    );
    expect(md).toContain(
      "| `ledger` | \\(no team\\) | not defined in any deployment Healthboard reads |",
    );
  });

  it("escapes pipes, newlines, backticks and HTML in every cell", () => {
    const hostile = [
      def(
        ["a|b", "x`y"],
        { location: "<img src=x>" },
        {},
        {
          owners: [{ kind: "user", email: "evil|<b>\nx@example.com" }],
        },
      ),
      def(["mine"], { location: "finance" }, { upstream: [["a|b", "x`y"]] }, team("finance")),
    ];
    const md = doc(buildContracts(buildGraph(hostile, TEAMS), new Map(), ["finance"]));
    const row = md.split("\n").find((l) => l.includes("x`y")) ?? "";
    expect(row).toBe(
      "| ``a\\|b/x`y`` | \\(no team\\) | prod/\\<img src=x\\> | evil\\|\\<b\\> x@example.com | none | unknown | `mine` |",
    );
    // The row still has exactly seven cells: no unescaped pipe splits one.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(md).not.toMatch(/(?<!\\)<(img|b)/); // every "<" is escaped
  });

  it("says so when a team consumes nothing", () => {
    const md = doc(buildContracts(buildGraph([], TEAMS), new Map(), ["finance"]));
    expect(md).toContain(
      "## Finance (`finance`) consumes\n\nNo upstream assets from other teams.\n",
    );
    expect(md).not.toContain("|");
  });
});
