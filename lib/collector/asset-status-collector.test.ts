import { describe, expect, it } from "vitest";
import type { AssetDefinition } from "@/lib/domain/types";
import type { AssetStatus } from "@/lib/health/status-types";
import { def } from "@/lib/testing/asset-fixtures";
import { status } from "@/lib/testing/snapshot-fixtures";
import { AssetStatusCollector } from "./asset-status-collector";

/** A Dagster whose answer for every asset is its materialization time, changed by tests. */
function fakeSource() {
  const asked: string[][] = [];
  let at = 1_000;
  return {
    asked,
    setMaterializedAt: (t: number) => {
      at = t;
    },
    async fetchStatuses(batch: readonly AssetDefinition[]) {
      asked.push(batch.map((a) => a.id));
      return new Map<string, AssetStatus>(
        batch.map((a) => [a.id, status({ lastMaterializedAt: at })]),
      );
    },
  };
}

describe("AssetStatusCollector", () => {
  const live = def(["live"], {});
  const down = def(["down"], { location: "broken" });

  it("keeps the last known status of frozen assets without asking Dagster about them", async () => {
    const source = fakeSource();
    const collector = new AssetStatusCollector(source, { batchSize: 10, parallelism: 1 });
    await collector.refresh([live, down]);
    source.setMaterializedAt(2_000);
    await collector.refresh([live], [down]);
    expect(source.asked.at(-1)).toEqual([live.id]);
    const { statuses } = collector.state();
    expect(statuses.get(live.id)?.lastMaterializedAt).toBe(2_000);
    expect(statuses.get(down.id)?.lastMaterializedAt).toBe(1_000);
  });

  it("forgets assets that are neither live nor frozen", async () => {
    const source = fakeSource();
    const collector = new AssetStatusCollector(source, { batchSize: 10, parallelism: 1 });
    await collector.refresh([live, down]);
    expect(await collector.refresh([live])).toBe(true);
    expect(collector.state().statuses.has(down.id)).toBe(false);
  });

  it("re-reads only the named assets incrementally and dates the rest as of the confirmation", async () => {
    const source = fakeSource();
    let now = 100;
    const other = def(["other"], {});
    const collector = new AssetStatusCollector(source, {
      batchSize: 10,
      parallelism: 1,
      now: () => now,
    });
    await collector.refresh([live, other]);
    source.setMaterializedAt(2_000);
    now = 200;
    await collector.refresh([live, other], [], { only: new Set([live.id]), confirmedAt: 150 });
    expect(source.asked.at(-1)).toEqual([live.id]);
    const { statuses, asOf } = collector.state();
    expect(statuses.get(live.id)?.lastMaterializedAt).toBe(2_000);
    expect(statuses.get(other.id)?.lastMaterializedAt).toBe(1_000);
    expect(asOf).toBe(150);
  });
});
