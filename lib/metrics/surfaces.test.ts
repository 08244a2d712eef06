import { describe, expect, it } from "vitest";
import { toAssetRows } from "@/lib/api/assets-payload";
import { toGraphPayload } from "@/lib/api/graph-payload";
import { assetBadgeState, teamBadgeState } from "@/lib/badges/badge-state";
import { configSchema } from "@/lib/config/config-schema";
import type { AssetDefinition, DeploymentSnapshot } from "@/lib/domain/types";
import { assetHealth } from "@/lib/health/health-model";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildOverview } from "@/lib/overview/overview-model";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { buildTeamPage } from "@/lib/teams/build-team-page";
import { teamAssets } from "@/lib/teams/team-assets";
import { def } from "@/lib/testing/asset-fixtures";
import { assetStatus, HOUR, SIX_HOUR_POLICY, TEST_NOW } from "@/lib/testing/status-fixtures";

// One snapshot, every surface: each must say the same assets are degraded,
// stale, healthy. The expectations are written by hand from the definitions
// in docs/health-model.md, not computed with lib/metrics.

const NOW = TEST_NOW;
const policy = SIX_HOUR_POLICY;
const config = configSchema.parse({
  deployments: [{ name: "prod", kind: "oss", graphqlUrl: "http://dagster.test/graphql" }],
  teams: [{ slug: "analytics", name: "Analytics", owners: ["team:analytics"] }],
});
const team = config.teams[0] as (typeof config.teams)[number];
const owned = { owners: [{ kind: "team" as const, team: "analytics" }] };
const recent = { lastMaterializedAt: NOW - HOUR };

/** Each asset: its definition extras, its status, and the verdict every surface must give. */
const CASES: Record<
  string,
  {
    def?: Partial<AssetDefinition>;
    status: Partial<AssetStatus>;
    overall: "HEALTHY" | "WARNING" | "DEGRADED" | "UNKNOWN";
    stale: boolean;
  }
> = {
  fresh: {
    def: { freshnessPolicy: policy },
    status: { ...recent, hasFreshnessPolicy: true, freshness: "HEALTHY" },
    overall: "HEALTHY",
    stale: false,
  },
  // The analytics KPI used to say 0 degraded while the row said Degraded.
  stale_fail: {
    def: { freshnessPolicy: policy },
    status: { lastMaterializedAt: NOW - 9 * HOUR, hasFreshnessPolicy: true, freshness: "DEGRADED" },
    overall: "DEGRADED",
    stale: true,
  },
  stale_warn: {
    def: { freshnessPolicy: policy },
    status: { lastMaterializedAt: NOW - 4 * HOUR, hasFreshnessPolicy: true, freshness: "WARNING" },
    overall: "WARNING",
    stale: true,
  },
  // Fresh, but an ERROR check failed: the asset badge used to be green ("fresh").
  check_error: {
    def: { freshnessPolicy: policy, hasChecks: true },
    status: {
      ...recent,
      hasFreshnessPolicy: true,
      freshness: "HEALTHY",
      checks: [{ name: "not_null", outcome: "failed" }],
    },
    overall: "DEGRADED",
    stale: false,
  },
  // A canceled run after the last materialization is not a failure.
  canceled: {
    status: {
      ...recent,
      latestRun: { id: "r9", status: "CANCELED", startedAt: NOW - 30_000, endedAt: NOW - 20_000 },
    },
    overall: "HEALTHY",
    stale: false,
  },
  failed_run: {
    status: {
      ...recent,
      latestRun: { id: "r8", status: "FAILURE", startedAt: NOW - 30_000, endedAt: NOW - 20_000 },
    },
    overall: "DEGRADED",
    stale: false,
  },
  never_built: {
    def: { freshnessPolicy: policy },
    status: {
      lastMaterializedAt: null,
      lastMaterializationRunId: null,
      latestRun: null,
      hasFreshnessPolicy: true,
      freshness: null,
    },
    overall: "UNKNOWN",
    stale: false,
  },
  observed_source: {
    def: { isObservable: true },
    status: {
      lastMaterializedAt: null,
      lastMaterializationRunId: null,
      latestRun: null,
      observableSource: true,
      lastObservedAt: NOW - HOUR,
    },
    overall: "HEALTHY",
    stale: false,
  },
};

const names = Object.keys(CASES).sort();
const idOf = (name: string) => JSON.stringify([name]);
const defs = names.map((n) =>
  def([n], { location: "analytics" }, {}, { ...owned, ...CASES[n]?.def }),
);
const locations: DeploymentSnapshot = {
  deployment: "prod",
  asOf: NOW,
  error: null,
  locations: [
    {
      deployment: "prod",
      name: "analytics",
      status: "loaded",
      error: null,
      versionKey: "v1",
      updatedAt: NOW,
      repositories: ["__repository__"],
      assets: defs,
    },
  ],
};
const snapshot = buildSnapshot(
  [
    {
      deployment: "prod",
      locations,
      statuses: new Map(names.map((n) => [idOf(n), assetStatus(CASES[n]?.status)])),
      statusesAsOf: NOW,
      statusesError: null,
      runs: [],
      runsAsOf: NOW,
      runsError: null,
      materializations: new Map(),
    },
  ],
  config.teams,
  "g1",
  NOW,
);

const expected = (pick: (c: (typeof CASES)[string]) => boolean) =>
  names.filter((n) => pick(CASES[n] as (typeof CASES)[string])).sort();
const degraded = expected((c) => c.overall === "DEGRADED");
const stale = expected((c) => c.stale);
const healthy = expected((c) => c.overall === "HEALTHY");
const warning = expected((c) => c.overall === "WARNING");

describe("every surface agrees on one snapshot", () => {
  const page = buildTeamPage({
    snapshot,
    team,
    range: "7d",
    now: NOW,
    deployEvents: [],
    previousSample: null,
    runsWindowMs: 30 * 86_400_000,
  });
  const nameOf = (key: string[]) => key[0] as string;

  it("the fixture covers each state (so agreement is not trivially empty)", () => {
    expect(degraded).toEqual(["check_error", "failed_run", "stale_fail"]);
    expect(stale).toEqual(["stale_fail", "stale_warn"]);
    expect(healthy).toEqual(["canceled", "fresh", "observed_source"]);
  });

  it("team KPIs count the same degraded, stale and healthy assets as the rows", () => {
    expect(page.kpis.owned).toBe(names.length);
    expect(page.kpis.degraded).toBe(degraded.length);
    expect(page.kpis.stale).toBe(stale.length);
    expect(page.kpis.healthyPct).toBeCloseTo(healthy.length / names.length);
    const rows = page.assets;
    expect(rows.filter((r) => r.degraded).map((r) => nameOf(r.key))).toEqual(degraded);
    expect(rows.filter((r) => r.stale).map((r) => nameOf(r.key))).toEqual(stale);
    expect(rows.filter((r) => r.health === "DEGRADED").map((r) => nameOf(r.key))).toEqual(degraded);
    expect(rows.filter((r) => r.health === "HEALTHY").map((r) => nameOf(r.key))).toEqual(healthy);
  });

  it("the JSON/CSV asset rows carry the same overall health", () => {
    const rows = toAssetRows(snapshot, { team: "analytics" });
    const byName = Object.fromEntries(rows.map((r) => [nameOf(r.key), r.health.overall]));
    expect(byName).toEqual(Object.fromEntries(names.map((n) => [n, CASES[n]?.overall])));
  });

  it("the team badge counts the same degraded and warning assets", () => {
    const state = teamBadgeState(teamAssets(snapshot, "analytics").map((a) => a.health.overall));
    expect(state).toEqual({
      message: `${degraded.length} degraded, ${warning.length} warning`,
      color: "degraded",
    });
  });

  it("each asset badge has its asset's overall colour, and says stale for stale ones", () => {
    for (const n of names) {
      const d = defs.find((x) => x.id === idOf(n)) as AssetDefinition;
      const status = snapshot.statuses.get(definitionKey("prod", d.id));
      const badge = assetBadgeState(
        [
          {
            health: assetHealth(status),
            policy: d.freshnessPolicy,
            lastMaterializedAt: status?.lastMaterializedAt ?? null,
          },
        ],
        NOW,
      );
      expect(badge.color, n).toBe(CASES[n]?.overall.toLowerCase());
      expect(badge.message.includes("stale"), n).toBe(CASES[n]?.stale);
    }
  });

  it("the lineage payload colours each asset by the same overall health", () => {
    const payload = toGraphPayload(snapshot, ["analytics"]);
    const letter = Object.fromEntries(
      payload.keys.map((k, i) => [nameOf(k), payload.health[i] as string]),
    );
    const LETTER = { HEALTHY: "H", WARNING: "W", DEGRADED: "D", UNKNOWN: "U" } as const;
    expect(letter).toEqual(
      Object.fromEntries(names.map((n) => [n, LETTER[CASES[n]?.overall ?? "UNKNOWN"]])),
    );
  });

  it("the overview tile counts the assets the team page counts", () => {
    const overview = buildOverview(config, [locations], snapshot);
    expect(overview.teams.find((t) => t.slug === "analytics")?.assetCount).toBe(page.kpis.owned);
  });
});
