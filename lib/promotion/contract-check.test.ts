import { describe, expect, it } from "vitest";
import type { TeamConfig } from "@/lib/config/config-schema";
import type { AssetDefinition } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { location } from "@/lib/testing/location-fixtures";
import { contractCheck } from "./contract-check";

const deployments = [
  { name: "local", environment: "prod" },
  { name: "stage", environment: "staging" },
];
const team = (slug: string, loc: string): TeamConfig => ({
  slug,
  name: slug,
  owners: [],
  locations: [
    { deployment: "local", location: loc },
    { deployment: "stage", location: loc },
  ],
});
const teams = [team("analytics", "analytics-team"), team("ml", "ml-platform")];

const at = {};
const analytics = (extra: Partial<Record<string, Partial<AssetDefinition>>> = {}) => [
  def(["cleaned_orders"], at, {}, extra.cleaned_orders),
  def(["product_performance"], at, { upstream: [["cleaned_orders"]] }, extra.product_performance),
  def(["internal_only"], at, { upstream: [["cleaned_orders"]] }),
];
const ml = [
  def(["ml", "product_embeddings"], at, { upstream: [["product_performance"]] }),
  // Analytics' own downstream asset is not another team's.
  def(["ml", "churn"], at, { upstream: [["ml", "product_embeddings"]] }),
];

function check(head: AssetDefinition[], location_?: string) {
  return contractCheck({
    locations: [
      location("local", "analytics-team", analytics()),
      location("local", "ml-platform", ml),
      location("stage", "analytics-team", head),
      location("stage", "ml-platform", ml),
    ],
    deployments,
    teams,
    base: "prod",
    head: "staging",
    location: location_,
  });
}

describe("contractCheck", () => {
  it("passes an unchanged candidate", () => {
    const result = check(analytics());
    expect(result.breaking).toBe(false);
    expect(result.locations.map((l) => [l.location, l.verdict, l.consumed])).toEqual([
      ["analytics-team", "ok", 1],
      ["ml-platform", "ok", 0],
    ]);
  });

  it("names the consumer a renamed asset would break, and the new key", () => {
    const renamed = [
      def(["cleaned_orders"], at),
      def(["product_metrics"], at, { upstream: [["cleaned_orders"]] }),
      def(["internal_only"], at, { upstream: [["cleaned_orders"]] }),
    ];
    const result = check(renamed, "analytics-team");
    expect(result.breaking).toBe(true);
    const [loc] = result.locations;
    expect(loc?.verdict).toBe("breaks");
    expect(loc?.producer).toBe("analytics");
    expect(loc?.breaks).toEqual([
      {
        key: ["product_performance"],
        kind: "renamed",
        renamedTo: ["product_metrics"],
        partitions: null,
        consumers: [
          {
            team: "ml",
            deployment: "local",
            location: "ml-platform",
            key: ["ml", "product_embeddings"],
          },
        ],
      },
    ]);
  });

  it("calls a key with no look-alike removed, and ignores keys no other team reads", () => {
    const result = check([def(["cleaned_orders"], at)], "analytics-team");
    expect(result.locations[0]?.breaks.map((b) => [b.key, b.kind])).toEqual([
      [["product_performance"], "removed"],
    ]);
  });

  it("flags repartitioned and no longer materializable assets", () => {
    const repartitioned = check(
      analytics({ product_performance: { partitions: "TIME_WINDOW: Daily" } }),
    );
    expect(repartitioned.locations[0]?.breaks[0]).toMatchObject({
      kind: "repartitioned",
      partitions: { before: null, after: "TIME_WINDOW: Daily" },
    });
    const external = check(
      analytics({ product_performance: { isMaterializable: false, isObservable: true } }),
    );
    expect(external.locations[0]?.breaks[0]?.kind).toBe("not-materializable");
  });

  it("fails a candidate that does not load, and claims nothing without a base", () => {
    const failing = contractCheck({
      locations: [
        location("local", "analytics-team", analytics()),
        location("local", "ml-platform", ml),
        location("stage", "analytics-team", analytics(), {
          status: "failed",
          error: { message: "SyntaxError", className: null },
          down: { since: 1, assetsAsOf: 0 },
        }),
      ],
      deployments,
      teams,
      base: "prod",
      head: "staging",
    });
    expect(failing.breaking).toBe(true);
    expect(failing.locations[0]).toMatchObject({ verdict: "not-loaded", error: "SyntaxError" });

    const onlyInStaging = contractCheck({
      locations: [location("stage", "analytics-team", [])],
      deployments,
      teams,
      base: "prod",
      head: "staging",
    });
    expect(onlyInStaging).toEqual({
      base: "prod",
      head: "staging",
      locations: [],
      breaking: false,
    });
  });
});
