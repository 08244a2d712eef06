import { describe, expect, it } from "vitest";
import type { DeploymentState } from "@/lib/collector/deployment-collector";
import { def } from "@/lib/testing/asset-fixtures";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { run } from "@/lib/testing/run-fixtures";
import {
  decodeState,
  encodeState,
  freshnessOf,
  keepDefinitions,
  withFreshness,
} from "./state-codec";

function state(): DeploymentState {
  const at = Date.UTC(2026, 11, 1);
  const input = deploymentInput(
    "prod",
    [
      [def(["a"], {}), okStatus(at)],
      [def(["b"], {}), failedStatus(at)],
    ],
    at,
    true,
    {
      runs: [run("r1", at - 5_000, "FAILURE")],
      materializations: new Map([[def(["a"], {}).id, [{ runId: "r", at }]]]),
      materializationsPartialFrom: new Map([[def(["a"], {}).id, at - 1000]]),
    },
  );
  return { ...input, generation: 7 };
}

describe("state codec", () => {
  it("round-trips a deployment state, Maps included", () => {
    const s = state();
    const back = decodeState(encodeState(s));
    expect(back).toEqual(s);
    expect(back.statuses).toBeInstanceOf(Map);
    expect(back.statuses.get(def(["b"], {}).id)?.latestRun?.status).toBe("FAILURE");
    expect(back.materializationsPartialFrom).toBeInstanceOf(Map);
  });

  it("compresses: the body is smaller than its JSON", () => {
    const s = state();
    const many = new Map(
      Array.from({ length: 2000 }, (_, i) => [`asset-${i}`, okStatus(1_700_000_000_000 + i)]),
    );
    const big = { ...s, statuses: many };
    const json = JSON.stringify({ ...big, statuses: [...many] });
    expect(encodeState(big).length).toBeLessThan(json.length / 5);
  });

  it("lays newer freshness over a state without touching its content", () => {
    const s = state();
    const later = {
      ...freshnessOf(s),
      locationsAsOf: (s.locations.asOf ?? 0) + 5_000,
      statusesError: "timeout",
    };
    const fresh = withFreshness(s, later);
    expect(fresh.locations.asOf).toBe(later.locationsAsOf);
    expect(fresh.statusesError).toBe("timeout");
    expect(fresh.statuses).toBe(s.statuses);
    expect(fresh.generation).toBe(s.generation);
    expect(freshnessOf(fresh)).toEqual(later);
  });

  it("keeps the previous definitions where a new publication holds equal ones", () => {
    const s = state();
    const next = decodeState(encodeState({ ...s, generation: 8 }));
    const kept = keepDefinitions(s, next);
    expect(kept.locations.locations[0]?.assets).toBe(s.locations.locations[0]?.assets);
    expect(kept.statuses).toBe(next.statuses);

    const changed = decodeState(encodeState(s));
    const location = changed.locations.locations[0];
    if (!location) throw new Error("fixture has a location");
    location.assets = [...location.assets, def(["c"], {})];
    const reloaded = keepDefinitions(s, changed);
    expect(reloaded.locations.locations[0]?.assets).toBe(location.assets);
    expect(keepDefinitions(null, next)).toBe(next);
  });
});
