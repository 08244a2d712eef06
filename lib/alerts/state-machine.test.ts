import { describe, expect, it } from "vitest";
import type { AlertCandidate, AlertSignal } from "./alert-types";
import { ERROR_WAIT_MS, stepAlerts } from "./state-machine";

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

describe("stepAlerts and a root cause whose error is not read yet", () => {
  const pending = { key: ["orders"], deployment: "prod", location: "etl", team: "analytics" };
  const withCause = (rootCause: AlertSignal["rootCause"]): AlertCandidate => ({
    ...candidate("analytics", "orders is degraded"),
    details: () => ({ rootCause, affected: [], blastRadius: [] }),
  });
  const unread = withCause({ ...pending, words: "run failed", error: null, errorPending: true });
  const read = withCause({ ...pending, words: "ValueError", error: "ValueError: bad orders" });

  it("holds the alert past `for` until the error is read, then fires with it", () => {
    const first = stepAlerts([], [unread], RULES, 0);
    const held = stepAlerts(first.active, [unread], RULES, 60_000);
    expect(held.notifications).toEqual([]);
    expect(held.active[0]?.status).toBe("pending");
    const fired = stepAlerts(held.active, [read], RULES, 65_000);
    expect(fired.notifications.map((n) => n.transition)).toEqual(["firing"]);
    expect(fired.notifications[0]?.signal.rootCause?.error).toBe("ValueError: bad orders");
    // Held, not restarted: it fires the moment the error is in, and says since when.
    expect(fired.active[0]?.firingSince).toBe(65_000);
    expect(fired.notifications[0]?.startsAt).toBe(65_000);
  });

  it("drops a held alert without a word when its condition clears", () => {
    const held = stepAlerts(stepAlerts([], [unread], RULES, 0).active, [unread], RULES, 60_000);
    const gone = stepAlerts(held.active, [], RULES, 61_000);
    expect(gone.notifications).toEqual([]);
    expect(gone.active).toEqual([]);
  });

  it("fires without the error once ERROR_WAIT_MS past `for` has gone by", () => {
    let states = stepAlerts([], [unread], RULES, 0).active;
    states = stepAlerts(states, [unread], RULES, 60_000 + ERROR_WAIT_MS - 1).active;
    expect(states[0]?.status).toBe("pending");
    const late = stepAlerts(states, [unread], RULES, 60_000 + ERROR_WAIT_MS);
    expect(late.notifications.map((n) => n.transition)).toEqual(["firing"]);
    expect(late.notifications[0]?.signal.rootCause).toMatchObject({
      error: null,
      errorPending: true,
    });
  });
});

describe("a resolution", () => {
  const a = candidate("ml", "orders is degraded");
  const fired = stepAlerts(stepAlerts([], [a], RULES, 0).active, [a], RULES, 60_000);

  it("goes to the channels told of the firing, though the routes changed since", () => {
    expect(fired.notifications.map((n) => n.channels)).toEqual([["am"]]);
    const rerouted = RULES.map((r) => ({ ...r, routes: [{ team: "*", channels: ["slack"] }] }));
    const step = stepAlerts(fired.active, [], rerouted, 120_000);
    expect(step.notifications.map((n) => [n.transition, n.channels])).toEqual([
      ["resolved", ["slack", "am"]],
    ]);
  });

  it("goes to them even when the rule is gone", () => {
    const step = stepAlerts(fired.active, [], [], 120_000);
    expect(step.notifications.map((n) => [n.transition, n.channels])).toEqual([
      ["resolved", ["am"]],
    ]);
  });
});
