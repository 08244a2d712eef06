import { describe, expect, it } from "vitest";
import type { AlertState } from "./alert-types";
import { loadFiringStrip } from "./firing-strip-model";
import { locationSignal } from "./notification-fixtures";

function state(team: string, status: AlertState["status"]): AlertState {
  return {
    fingerprint: `loc|${team}`,
    status,
    activeSince: 0,
    firingSince: status === "firing" ? 1 : null,
    lastNotifiedAt: null,
    sent: 0,
    signal: { ...locationSignal(0, team, team), fingerprint: `loc|${team}` },
  };
}

describe("loadFiringStrip", () => {
  it("lists the firing alerts of the team asked for", async () => {
    const strip = await loadFiringStrip(
      async () => [state("ml", "firing"), state("ml", "pending"), state("data", "firing")],
      { team: "ml" },
    );
    expect(strip.available && strip.rows.map((r) => [r.team, r.status])).toEqual([
      ["ml", "firing"],
    ]);
  });

  it("says unavailable, with the reason, when the store throws (synchronously or not)", async () => {
    const rejects = await loadFiringStrip(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    }, {});
    expect(rejects).toEqual({ available: false, reason: "connect ECONNREFUSED 127.0.0.1:5432" });
    const throws = await loadFiringStrip(() => {
      throw new Error("SQLITE_CORRUPT: database disk image is malformed");
    }, {});
    expect(throws.available).toBe(false);
  });

  it("says unavailable when the store does not answer in time, without waiting longer", async () => {
    const t0 = Date.now();
    const strip = await loadFiringStrip(() => new Promise(() => undefined), {}, 50);
    expect(strip).toEqual({
      available: false,
      reason: "the alert store did not answer within 50 ms",
    });
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
