// Snapshot build time, memory and graph payload size at N = 1k, 10k, 25k.
// Run: npm run bench:snapshot   (bundles this file with esbuild, runs it in node)
import { brotliCompressSync, gzipSync } from "node:zlib";
import { toGraphPayload } from "@/lib/api/graph-payload";
import { layoutGraph } from "@/lib/lineage/layout";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { syntheticInput as input, syntheticTeams as teams } from "./synthetic-snapshot";

const SIZES = [1_000, 10_000, 25_000];
const RUNS = 7;

console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log(
  "| N | build median (ms) | build p90 (ms) | layout median (ms) | heap after (MB) | RSS (MB) | payload raw B/asset | gzip B/asset | brotli B/asset |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const n of SIZES) {
  const data = input(n);
  const times: number[] = [];
  let snap = buildSnapshot([data], teams, "g", Date.now());
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    snap = buildSnapshot([data], teams, `g${r}`, Date.now());
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  globalThis.gc?.();
  const mem = process.memoryUsage();
  const payload = toGraphPayload(
    snap,
    teams.map((t) => t.slug),
  );
  const raw = Buffer.from(JSON.stringify(payload));
  // Layout after a topology change: the server's cost, paid once per topology.
  const up: number[][] = payload.keys.map(() => []);
  const down: number[][] = payload.keys.map(() => []);
  for (let i = 0; i < payload.edges.length; i += 3) {
    down[payload.edges[i] as number]?.push(payload.edges[i + 1] as number);
    up[payload.edges[i + 1] as number]?.push(payload.edges[i] as number);
  }
  const layoutTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    layoutGraph({
      group: payload.group,
      groupCount: payload.groups.length,
      upstream: up,
      downstream: down,
    });
    layoutTimes.push(performance.now() - t0);
  }
  layoutTimes.sort((a, b) => a - b);
  const gz = gzipSync(raw, { level: 6 }).length;
  const br = brotliCompressSync(raw).length;
  const f = (x: number) => x.toFixed(1);
  console.log(
    `| ${n} | ${f(times[Math.floor(RUNS / 2)] as number)} | ${f(times[Math.floor(RUNS * 0.9)] as number)} | ${f(layoutTimes[Math.floor(RUNS / 2)] as number)} | ${f(mem.heapUsed / 2 ** 20)} | ${f(mem.rss / 2 ** 20)} | ${f(raw.length / n)} | ${f(gz / n)} | ${f(br / n)} |`,
  );
}
