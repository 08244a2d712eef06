// Compute, latency and storage panels at 25,000 assets with 30 days of
// history: the server-side cost of the team page's `performance` section
// (lib/performance/team-performance.ts), which every viewer of a team shares.
// Run: npm run bench:performance   (bundles this file with esbuild, runs it in node)
import { teamPerformance } from "@/lib/performance/team-performance";
import { warmPerformance } from "@/lib/performance/warm-performance";
import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { teamAssets } from "@/lib/teams/team-assets";
import { teamRuns } from "@/lib/teams/team-runs";
import { timeWindow } from "@/lib/teams/time-range";
import { changed, DAYS, HOUR, history, N, now, runs, storage } from "./performance-snapshot";

const REPEAT = 9;

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
