// The 25,000-asset, 30-day snapshot of the performance benches
// (performance-panels.bench.ts, figure-warmer.bench.ts): every asset
// materializes daily with a data version, the versions it read and its size;
// one run per location and hour with ten steps.
import type { MaterializationRecord, RunRecord } from "@/lib/domain/run-types";
import type { DeploymentSnapshot } from "@/lib/domain/types";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { syntheticDefinitions } from "./synthetic-definitions";

export const N = Number(process.env.BENCH_ASSETS ?? 25_000);
export const DAYS = 30;
export const HOUR = 3_600_000;
export const now = Date.UTC(2026, 11, 2);
const defs = syntheticDefinitions(N);
const byId = new Map(defs.map((d) => [d.id, d]));

// Every asset materializes daily with a data version; each event records the
// versions it read (the upstream's event of the same day) and its size.
export const history = new Map<string, MaterializationRecord[]>();
for (const [i, d] of defs.entries()) {
  const list: MaterializationRecord[] = [];
  for (let day = DAYS; day >= 1; day--) {
    const at = now - day * 24 * HOUR + (i % 60) * 60_000 + 10 * 60_000;
    const inputs: Record<string, string> = {};
    for (const up of d.upstream) inputs[JSON.stringify(up)] = `${JSON.stringify(up)}@${day}`;
    list.push({
      at,
      runId: `run-${d.location}-${day}`,
      dataVersion: `${d.id}@${day}`,
      inputVersions: inputs,
      rowCount: 1_000 + i + (DAYS - day) * 10,
      bytes: 1e6 + i * 100 + (DAYS - day) * 5_000,
    });
  }
  history.set(d.id, list);
}

// One run per location and hour, a step per tenth of its assets.
const byLocation = new Map<string, string[]>();
for (const d of defs) byLocation.set(d.location, [...(byLocation.get(d.location) ?? []), d.id]);
export const runs: RunRecord[] = [];
for (const [location, ids] of byLocation) {
  for (let h = DAYS * 24; h >= 1; h--) {
    const createdAt = now - h * HOUR;
    const planned = ids.filter((_, j) => j % 24 === h % 24);
    runs.push({
      id: `${location}-${h}`,
      deployment: "prod",
      location,
      job: "daily",
      status: "SUCCESS",
      createdAt,
      startedAt: createdAt + 30_000,
      endedAt: createdAt + 20 * 60_000,
      updatedAt: createdAt + 20 * 60_000,
      failureReason: null,
      plannedAssetIds: planned,
      materializedAssetIds: null,
      failedAssetIds: [],
      error: null,
      steps: planned.slice(0, 10).map((id, k) => ({
        key: byId.get(id)?.key.join("__") ?? id,
        status: "SUCCESS",
        startedAt: createdAt + 60_000 + k * 60_000,
        endedAt: createdAt + 60_000 + k * 60_000 + 45_000,
      })),
    });
  }
}

const locations: DeploymentSnapshot = {
  deployment: "prod",
  asOf: now,
  error: null,
  locations: [...byLocation.keys()].map((name) => ({
    deployment: "prod",
    name,
    status: "loaded",
    error: null,
    versionKey: "v1",
    updatedAt: now,
    repositories: ["__repository__"],
    assets: defs.filter((d) => d.location === name),
  })),
};
const teams = Array.from({ length: 12 }, (_, i) => {
  const t = `team_${String(i).padStart(2, "0")}`;
  return { slug: t, name: t, owners: [`team:${t}`], locations: [] };
});
export const snapshot = buildSnapshot(
  [
    {
      deployment: "prod",
      locations,
      statuses: new Map(),
      statusesAsOf: now,
      statusesError: null,
      runs,
      runsAsOf: now,
      runsError: null,
      materializations: history,
    },
  ],
  teams,
  "g",
  now,
);
export const storage = {
  sizeKeys: ["dagster/size_bytes"],
  quotas: [{ name: "shared", bytes: 1e13, locations: [] }],
};

/** A snapshot with new content (for every per-content memo), as after a refresh that changed something. */
export const changed = (): HealthSnapshot => ({
  ...snapshot,
  graph: { ...snapshot.graph },
  materializations: new Map(snapshot.materializations),
});
