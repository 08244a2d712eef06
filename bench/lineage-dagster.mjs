// Serves the N-asset bench workload from a real dagster-webserver on the bench's
// port until stopped (Ctrl-C or SIGTERM), for `--dagster-running` runs of the
// lineage benches: a 10k–25k workload takes minutes to load, so before/after
// runs and profiles can share one.
//
//   BENCH_PORT_BASE=3170 node bench/lineage-dagster.mjs --assets 10000
import path from "node:path";
import {
  arg,
  assertPortsFree,
  LOCATIONS,
  PORTS,
  ROOT,
  shutdown,
  startWorkloadDagster,
} from "./harness.mjs";

const N = Number(arg("assets", "1000"));
const OUT = path.join(ROOT, "bench/.out", `lineage-dagster-n${N}`);

await assertPortsFree([PORTS.dagster]);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => shutdown().then(() => process.exit(0)));
await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
console.log(`serving on :${PORTS.dagster}; stop with Ctrl-C`);
setInterval(() => {}, 1 << 30);
