// Compute, latency and storage panels at 25,000 assets with 30 days of
// history: the server-side cost of the team page's `performance` section
// (lib/performance/team-performance.ts), which every viewer of a team shares.
// Run: npm run bench:performance   (bundles this file with esbuild, runs it in node)
import type { MaterializationRecord, RunRecord } from "@/lib/domain/run-types";
import type { DeploymentSnapshot } from "@/lib/domain/types";
import { teamPerformance } from "@/lib/performance/team-performance";
import { warmPerformance } from "@/lib/performance/warm-performance";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamAssets } from "@/lib/teams/team-assets";
import { teamRuns } from "@/lib/teams/team-runs";
import { timeWindow } from "@/lib/teams/time-range";
import { syntheticDefinitions } from "./synthetic-definitions";

const N = Number(process.env.BENCH_ASSETS ?? 25_000);
const DAYS = 30;
const REPEAT = 9;
const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 2);
const defs = syntheticDefinitions(N);
const byId = new Map(defs.map((d) => [d.id, d]));

// Every asset materializes daily with a data version; each event records the
// versions it read (the upstream's event of the same day) and its size.
const history = new Map<string, MaterializationRecord[]>();
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
const runs: RunRecord[] = [];
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
const snapshot = buildSnapshot(
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
const storage = {
  sizeKeys: ["dagster/size_bytes"],
  quotas: [{ name: "shared", bytes: 1e13, locations: [] }],
};

/** CPU time (user + system) of the process: the machine is shared, wall time measures its load. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function once(
  slug: string,
  snapshot: HealthSnapshot,
): { ms: number; wall: number; chains: number; steps: number } {
  const t0 = cpuMs();
  const w0 = performance.now();
  const window = timeWindow("30d", now, DAYS * 24 * HOUR);
  const assets = teamAssets(snapshot, slug);
  const team = teamRuns(snapshot.runs, {
    assets: assets.map((a) => ({ deployment: a.def.deployment, id: a.node.id })),
    configLocations: [],
  });
  const report = teamPerformance({ snapshot, assets, runs: team, window, storage });
  return {
    ms: cpuMs() - t0,
    wall: performance.now() - w0,
    chains: report.latency.chains.length,
    steps: report.compute.locations.reduce((s, l) => s + l.steps, 0),
  };
}

const records = [...history.values()].reduce((s, l) => s + l.length, 0);
console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log(`${N} assets, ${records} materializations, ${runs.length} runs over ${DAYS} days`);
// A snapshot with new content (for every per-content memo), as after a refresh that changed something.
const changed = (): HealthSnapshot => ({
  ...snapshot,
  graph: { ...snapshot.graph },
  materializations: new Map(snapshot.materializations),
});
const cold = once("team_00", changed());
// With the figure warmer (lib/collector/figure-warmer.ts): its pass, then the first team's request.
const next = changed();
const w0 = cpuMs();
const ww0 = performance.now();
teamAssets(next, null);
warmPerformance(next, storage);
const warmUp = { ms: cpuMs() - w0, wall: performance.now() - ww0 };
const afterWarmUp = once("team_00", next);
const warm: number[] = [];
const wall: number[] = [];
for (let r = 0; r < REPEAT; r++) {
  const t = once(`team_${String(r % 12).padStart(2, "0")}`, next);
  warm.push(t.ms);
  wall.push(t.wall);
}
warm.sort((a, b) => a - b);
wall.sort((a, b) => a - b);
const f = (x: number) => x.toFixed(1);
const mid = Math.floor(REPEAT / 2);
console.log("| measure | CPU ms | wall ms | |");
console.log("|---|---|---|---|");
console.log(
  `| first team after a change, nothing warmed (hop index, chains, quota built in the request) | ${f(cold.ms)} | ${f(cold.wall)} | ${cold.chains} chains, ${cold.steps} steps |`,
);
console.log(
  `| figure warmer's pass after the change (off the request path) | ${f(warmUp.ms)} | ${f(warmUp.wall)} | |`,
);
console.log(
  `| first team after the warmer's pass | ${f(afterWarmUp.ms)} | ${f(afterWarmUp.wall)} | ${afterWarmUp.chains} chains |`,
);
console.log(
  `| warm, per team (median / max of ${REPEAT}) | ${f(warm[mid] as number)} / ${f(warm.at(-1) as number)} | ${f(wall[mid] as number)} / ${f(wall.at(-1) as number)} | |`,
);
