import { describe, expect, it } from "vitest";
import type { AlertState } from "./alert-types";
import { alertRows, firingFor, groupAlerts } from "./alerts-view";

function state(
  fingerprint: string,
  over: Partial<Omit<AlertState, "signal">> & { signal?: Partial<AlertState["signal"]> } = {},
): AlertState {
  return {
    fingerprint,
    status: "firing",
    activeSince: 100,
    firingSince: 100,
    lastNotifiedAt: 100,
    sent: 1,
    ...over,
    signal: {
      fingerprint,
      rule: "cross-team",
      type: "dependency",
      severity: "warning",
      team: "ml",
      role: "consumer",
      deployment: "prod",
      location: "analytics",
      asset: ["orders_clean"],
      summary: `${fingerprint} is broken`,
      rootCause: null,
      affected: [],
      blastRadius: [],
      ...over.signal,
    },
  };
}

describe("alertRows", () => {
  it("puts firing before pending, then critical first, then the oldest", () => {
    const rows = alertRows([
      state("pending-critical", { status: "pending", signal: { severity: "critical" } }),
      state("young-warning", { activeSince: 300 }),
      state("old-warning", { activeSince: 50 }),
      state("critical", { activeSince: 900, signal: { severity: "critical" } }),
    ]);
    expect(rows.map((r) => r.fingerprint)).toEqual([
      "critical",
      "old-warning",
      "young-warning",
      "pending-critical",
    ]);
  });

  it("links to the graph focused on the asset, or on the root cause when the alert has none", () => {
    const [asset, cause, none] = alertRows([
      state("a", { activeSince: 1, signal: { asset: ["raw", "orders"] } }),
      state("b", {
        activeSince: 2,
        signal: {
          asset: null,
          rootCause: {
            key: ["model"],
            deployment: "prod",
            location: "ml",
            team: "ml",
            words: "x",
            error: null,
          },
        },
      }),
      state("c", { activeSince: 3, signal: { asset: null, type: "location" } }),
    ]);
    expect(asset?.asset).toBe("raw/orders");
    expect(new URL(asset?.lineageHref ?? "", "http://h").searchParams.get("focus")).toBe(
      '["raw","orders"]',
    );
    expect(cause?.asset).toBe("model");
    expect(none).toMatchObject({ asset: null, lineageHref: null });
  });
});

describe("groupAlerts and firingFor", () => {
  const rows = alertRows([
    state("1", { signal: { team: "ml" } }),
    state("2", { signal: { team: "ml", rule: "down" }, status: "pending" }),
    state("3", { signal: { team: "analytics", rule: "down" } }),
    state("4", { signal: { team: "analytics", rule: "down", asset: ["x"] } }),
  ]);

  it("counts firing and pending per team and per rule", () => {
    expect(groupAlerts(rows, "team")).toEqual([
      { name: "analytics", firing: 2, pending: 0 },
      { name: "ml", firing: 1, pending: 1 },
    ]);
    expect(groupAlerts(rows, "rule")).toEqual([
      { name: "down", firing: 2, pending: 1 },
      { name: "cross-team", firing: 1, pending: 0 },
    ]);
  });

  it("keeps only firing alerts of the team, or about the asset", () => {
    expect(firingFor(rows, { team: "ml" }).map((r) => r.fingerprint)).toEqual(["1"]);
    expect(firingFor(rows, { asset: "x" }).map((r) => r.fingerprint)).toEqual(["4"]);
    expect(
      firingFor(rows, {})
        .map((r) => r.fingerprint)
        .sort(),
    ).toEqual(["1", "3", "4"]);
  });
});
