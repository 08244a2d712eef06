import { describe, expect, it } from "vitest";
import type { AlertCandidate } from "./alert-types";
import { stepAlerts } from "./state-machine";

// Steady refreshes: what stepAlerts says about states it left as they were,
// which the store relies on to skip rewriting them.

const RULES = [
  { name: "r", for: 60_000, renotify: 3_600_000, routes: [{ team: "*", channels: ["am"] }] },
];

function candidate(team: string, summary: string, asset = ["orders"]): AlertCandidate {
  return {
    signal: {
      fingerprint: `r|${team}|asset|prod|${asset.join("/")}`,
      rule: "r",
      type: "asset_health",
      severity: "critical",
      team,
      role: "team",
      deployment: "prod",
      location: "etl",
      asset,
      summary,
    },
    details: () => ({ rootCause: null, affected: [], blastRadius: [] }),
  };
}

describe("stepAlerts on a steady refresh", () => {
  const a = candidate("analytics", "orders is degraded");
  const b = candidate("ml", "orders is degraded");
  const fired = stepAlerts(stepAlerts([], [a, b], RULES, 0).active, [a, b], RULES, 60_000);

  it("keeps every state as it was, and says so, when nothing changed", () => {
    // Candidates are rebuilt each refresh: equal fields, new objects (the asset key too).
    const again = [
      candidate("analytics", "orders is degraded"),
      candidate("ml", "orders is degraded"),
    ];
    const step = stepAlerts(fired.active, again, RULES, 120_000);
    expect(step.notifications).toEqual([]);
    expect(step.active).toHaveLength(2);
    step.active.forEach((s, i) => {
      expect(s).toBe(fired.active[i]);
    });
    expect([...(step.unchanged ?? [])].sort()).toEqual(
      fired.active.map((s) => s.fingerprint).sort(),
    );
  });

  it("does not call a state unchanged when a field, a transition or a re-notification moved it", () => {
    expect(fired.unchanged?.size).toBe(0); // pending → firing
    const moved = stepAlerts(
      fired.active,
      [candidate("analytics", "orders is warning"), b],
      RULES,
      120_000,
    );
    expect(moved.active.find((s) => s.signal.team === "analytics")?.signal.summary).toBe(
      "orders is warning",
    );
    expect([...(moved.unchanged ?? [])]).toEqual([b.signal.fingerprint]);
    const renotified = stepAlerts(fired.active, [a, b], RULES, 60_000 + 3_600_000);
    expect(renotified.notifications.map((n) => n.transition)).toEqual(["renotify", "renotify"]);
    expect(renotified.unchanged?.size).toBe(0);
  });
});
