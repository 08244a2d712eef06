// /metrics rendering at N = 25,000 assets and 30 days of runs, in process: the
// per-generation grouping (teamFigures, paid once per snapshot change) and the
// per-scrape render (windows, ages, prom-client text). 12 locations and teams
// shaped like bench/generate_workload.py's workspace.
// Run: npm run bench:metrics   (bundles this file with esbuild, runs it in node)
import { Registry } from "prom-client";
import { configSchema } from "@/lib/config/config-schema";
import type { DeployEvent } from "@/lib/deploys/deploy-types";
import type { RunRecord } from "@/lib/domain/run-types";
import { renderMetrics } from "@/lib/observability/render-metrics";
import { teamFigures } from "@/lib/observability/team-figures";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { teamAssets } from "@/lib/teams/team-assets";
import { deploymentInput, failedStatus, okStatus } from "@/lib/testing/deployment-fixtures";
import { run } from "@/lib/testing/run-fixtures";
import { syntheticDefinitions } from "./synthetic-definitions";

const N = Number(process.argv[2] ?? 25_000);
const K = 12;
const DAYS = 30;
const RUNS = 15;
const HOUR = 3_600_000;
const now = Date.now();

const defs = syntheticDefinitions(N, K);
const loc = (i: number) => `team-${String(i).padStart(2, "0")}`;
const config = configSchema.parse({
  deployments: [{ name: "prod", kind: "oss", graphqlUrl: "http://bench.invalid/graphql" }],
  teams: Array.from({ length: K }, (_, i) => ({
    slug: loc(i),
    name: `Team ${i}`,
    owners: [`team:team_${String(i).padStart(2, "0")}`],
    locations: [{ deployment: "prod", location: loc(i) }],
  })),
  metrics: { freshnessLag: defs.slice(0, 100).map((d) => ({ key: d.key })) },
});
// One run per location per hour for 30 days, each planning 20 of its assets; every 13th fails.
const byLocation = Array.from({ length: K }, (_, i) => defs.filter((d) => d.location === loc(i)));
const runs: RunRecord[] = [];
for (let h = 0; h < DAYS * 24; h++) {
  for (let i = 0; i < K; i++) {
    const planned = (byLocation[i] ?? []).slice((h * 20) % 2000, ((h * 20) % 2000) + 20);
    const n = runs.length;
    runs.push(
      run(`r${n}`, now - h * HOUR, n % 13 === 0 ? "FAILURE" : "SUCCESS", {
        location: loc(i),
        plannedAssetIds: planned.map((d) => d.id),
      }),
    );
  }
}
const input = deploymentInput(
  "prod",
  defs.map((d, i) => [d, i % 17 === 0 ? failedStatus(now - i * 1000) : okStatus(now - i * 1000)]),
  now,
  true,
  { runs },
);
const snapshot = buildSnapshot([input], config.teams, "bench", now);
const events: DeployEvent[] = Array.from({ length: K * 40 }, (_, j) => ({
  deployment: "prod",
  location: loc(j % K),
  kind: j % 7 === 0 ? "deploy_failed" : "deploy",
  versionKey: `v${j}`,
  fingerprint: null,
  version: null,
  failed: j % 7 === 0,
  error: null,
  at: now - j * 6 * HOUR,
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;
const counters = new Registry();
const group: number[] = [];
const scrape: number[] = [];
// CPU time too: on the shared machine wall time mostly measures the other processes.
const scrapeCpu: number[] = [];
const groupCpu: number[] = [];
const warmedCpu: number[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let bytes = 0;
let series = 0;
for (let i = 0; i < RUNS; i++) {
  // Each repetition is the first scrape after a change: new content, so nothing memoised per snapshot carries over.
  const changed = { ...snapshot, definitionHealth: new Map(snapshot.definitionHealth) };
  let t = performance.now();
  const g = cpuMs();
  const figures = teamFigures(changed, config.teams);
  group.push(performance.now() - t);
  groupCpu.push(cpuMs() - g);
  // The same first scrape once the figure warmer (lib/collector/figure-warmer.ts) has grouped the teams.
  const warmed = { ...snapshot, definitionHealth: new Map(snapshot.definitionHealth) };
  teamAssets(warmed, null);
  const w = cpuMs();
  teamFigures(warmed, config.teams);
  warmedCpu.push(cpuMs() - w);
  t = performance.now();
  const c = cpuMs();
  const text = await renderMetrics(
    {
      snapshot,
      teams: config.teams,
      metrics: config.metrics,
      deployEvents: events,
      figures,
      now: Date.now(),
      version: "bench",
    },
    counters,
  );
  scrape.push(performance.now() - t);
  scrapeCpu.push(cpuMs() - c);
  bytes = text.length;
  series = text.split("\n").filter((l) => l && !l.startsWith("#")).length;
}
const f = (x: number) => x.toFixed(1);
console.log(
  `N=${N} runs=${runs.length} series=${series} bytes=${bytes} | per generation (teamFigures): median ${f(median(group))} ms, p90 ${f(p90(group))} ms, CPU median ${f(median(groupCpu))} ms, after the warmer's pass CPU median ${f(median(warmedCpu))} ms | per scrape (render): median ${f(median(scrape))} ms, p90 ${f(p90(scrape))} ms, CPU median ${f(median(scrapeCpu))} ms | cold total median ${f(median(group.map((g, i) => g + (scrape[i] ?? 0))))} ms`,
);
