import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/parse-config";
import type { AssetDefinition } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { assignTeam, onlyDeclares, splitReferences } from "./assign-team";

const { teams } = parseConfig(`
deployments:
  - { name: prod, kind: oss, graphqlUrl: "http://dagster:3000/graphql" }
  - { name: staging, kind: oss, graphqlUrl: "http://staging:3000/graphql" }
teams:
  - { slug: analytics, name: Analytics, owners: ["team:analytics"], locations: [{ deployment: prod, location: analytics-team }] }
  - { slug: ml, name: ML, owners: ["team:ml", "dana@example.com"], locations: [] }
`);

function asset(
  location: string,
  owners: AssetDefinition["owners"],
  deployment = "prod",
): AssetDefinition {
  return def([location], { deployment, location }, {}, { owners });
}

const EXTERNAL = { isMaterializable: false, isObservable: false, isExecutable: false };

describe("assignTeam", () => {
  it("prefers owners over location, in the definition's owner order", () => {
    expect(assignTeam(asset("analytics-team", [{ kind: "team", team: "ml" }]), teams)).toBe("ml");
    expect(
      assignTeam(
        asset("x", [
          { kind: "user", email: "nobody@example.com" },
          { kind: "user", email: "dana@example.com" },
        ]),
        teams,
      ),
    ).toBe("ml");
  });

  it("falls back to the team owning the location in that deployment, then to no team", () => {
    expect(assignTeam(asset("analytics-team", []), teams)).toBe("analytics");
    expect(assignTeam(asset("analytics-team", [], "staging"), teams)).toBeNull();
  });

  it("splits one shared location between two teams by owner", () => {
    const shared = [
      asset("shared", [{ kind: "team", team: "analytics" }]),
      asset("shared", [{ kind: "user", email: "dana@example.com" }]),
      asset("shared", []),
    ];
    expect(shared.map((d) => assignTeam(d, teams))).toEqual(["analytics", "ml", null]);
  });
});

describe("splitReferences", () => {
  const producer = def(["orders"], { location: "analytics-team" });
  const spec = def(["orders"], { location: "ml-platform" }, {}, EXTERNAL);
  const observed = def(
    ["orders"],
    { location: "ingest" },
    {},
    {
      isMaterializable: false,
      isObservable: true,
    },
  );

  it("makes an external spec a reference when another definition produces the key", () => {
    expect(onlyDeclares(spec)).toBe(true);
    expect(splitReferences([spec, producer])).toEqual({ owning: [producer], references: [spec] });
    // In another deployment too: the producer anywhere decides.
    const elsewhere = { ...spec, deployment: "staging" };
    expect(splitReferences([elsewhere, producer]).references).toEqual([elsewhere]);
  });

  it("counts an observable source asset as an owner, not a reference", () => {
    expect(onlyDeclares(observed)).toBe(false);
    expect(splitReferences([spec, observed])).toEqual({ owning: [observed], references: [spec] });
  });

  it("lets the declarers own a key that nothing produces", () => {
    const other = { ...spec, location: "finance" };
    expect(splitReferences([spec, other])).toEqual({ owning: [spec, other], references: [] });
  });
});
