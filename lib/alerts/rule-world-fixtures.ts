import type { TeamConfig } from "@/lib/config/config-schema";
import type { AssetStatus } from "@/lib/health/status-types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { withLocationDown } from "@/lib/testing/outage-fixtures";
import { deploymentInput, MATERIALIZED } from "@/lib/testing/snapshot-fixtures";
import { type AlertRule, ruleSchema } from "./alert-config";
import type { EngineInput } from "./evaluate-rules";

// Fixtures for the rule tests. Test data only (imported by *.test.ts).
// A small world shaped like the demo: analytics produces orders, ML reads them.
export const TEAMS: TeamConfig[] = [
  {
    slug: "analytics",
    name: "Analytics",
    owners: [],
    locations: [{ deployment: "prod", location: "analytics" }],
  },
  { slug: "ml", name: "ML", owners: [], locations: [{ deployment: "prod", location: "ml" }] },
];
const A = { location: "analytics" };
const M = { location: "ml" };
const ASSETS = {
  analytics: [
    def(["raw_orders"], A, { downstream: [["orders_clean"]] }),
    def(["orders_clean"], A, {
      upstream: [["raw_orders"]],
      downstream: [["dashboard"], ["features"]],
    }),
    def(["dashboard"], A, { upstream: [["orders_clean"]] }),
  ],
  ml: [
    def(["features"], M, { upstream: [["orders_clean"]], downstream: [["model"]] }),
    def(["model"], M, { upstream: [["features"]] }),
  ],
};
export const id = (k: string) => JSON.stringify([k]);

export function world(statuses: Record<string, AssetStatus>, down?: string) {
  const all = Object.fromEntries(
    ["raw_orders", "orders_clean", "dashboard", "features", "model"].map((k) => [
      id(k),
      MATERIALIZED,
    ]),
  );
  let input = deploymentInput("prod", ASSETS, { ...all, ...statuses });
  if (down) input = withLocationDown(input, down);
  return buildSnapshot([input], TEAMS, "g1", 10_000);
}

export const rule = (r: Record<string, unknown>): AlertRule =>
  ruleSchema.parse({ routes: [{ team: "*", channels: ["am"] }], ...r });

export function input(
  rules: AlertRule[],
  statuses: Record<string, AssetStatus> = {},
  extra: Partial<EngineInput> = {},
): EngineInput {
  return {
    rules,
    teams: TEAMS,
    snapshot: world(statuses),
    latestDeploys: [],
    dataFrom: 0,
    ...extra,
  };
}
