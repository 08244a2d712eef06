// CPU-seconds the processes of one Dagster (matched by their DAGSTER_HOME: webserver,
// daemon, code servers and their gRPC children) use over a window, per process and
// in total (BENCHMARKS.md, "What polling and page loads cost"). Start and stop what
// should read that Dagster around it; it only watches. Samples every second, so a
// process that starts within the window counts from its start, and one that ends
// counts up to its last sample: a floor.
//
//   node bench/dagster-cpu.mjs [DAGSTER_HOME (default: this checkout's .dagster-home-e2e)] [seconds (default 60)]
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CpuLedger, procCmdline, procEnv } from "./proc-cpu.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HOME = realpathSync(path.resolve(process.argv[2] ?? path.join(root, ".dagster-home-e2e")));
const WINDOW_S = Number(process.argv[3] ?? 60);

const ledger = new CpuLedger(
  (pid) => (procEnv(pid, "DAGSTER_HOME") === HOME ? procCmdline(pid).slice(0, 100) : null),
  { fromNow: true },
).sample();
if (ledger.byProcess().length === 0) {
  console.error(`no process of a Dagster with DAGSTER_HOME=${HOME} is running`);
  process.exit(1);
}
const timer = setInterval(() => ledger.sample(), 1000);
setTimeout(() => {
  clearInterval(timer);
  ledger.sample();
  const rows = ledger.byProcess().sort((a, b) => b.seconds - a.seconds);
  for (const { pid, group, seconds } of rows) {
    console.log(`${seconds.toFixed(2).padStart(6)} s ${pid} ${group}`);
  }
  console.log(`${ledger.total().toFixed(2).padStart(6)} s in total over ${WINDOW_S} s`);
}, WINDOW_S * 1000);
