// CPU time by process family while a command runs (issue 17: where the test
// command's CPU goes on a two-core machine). Samples /proc every second and
// keeps, per process, the largest utime + stime seen; a process that lives less
// than a second between two samples is missed, so the figures are a floor.
//
//   CI=true node bench/process-cpu.mjs -- bash .ci/run
//   node bench/process-cpu.mjs -- unshare -n bash -c 'ip link set lo up; CI=true bash .ci/run'  (as root)
//
// The command's arguments are passed as they are, not joined into a shell
// line: joined, the quoted script above lost its quotes, unshare ran `bash -c
// ip` alone, and the suite ran outside the namespace, with the network.
//
// A Healthboard is named by its HEALTHBOARD_CONFIG (read from its environment),
// everything else by the first pattern its command line matches.
import { spawn } from "node:child_process";
import { CpuLedger, procCmdline, procEnv } from "./proc-cpu.mjs";

const FAMILIES = [
  ["dagster daemon", /dagster-daemon|dagster daemon/],
  ["dagster webserver", /dagster-webserver|dagster_webserver/],
  ["dagster code servers", /dagster api grpc|dagster code-server|grpc/],
  // Runs, and any other process naming dagster (the CLI, the suite's start-up scripts).
  ["dagster runs and CLI", /dagster api execute_run|execute_run|dagster\b/],
  ["playwright runner", /playwright/],
  ["fault proxies", /fault-proxy/],
  ["postgres", /postgres/],
  ["nginx", /nginx/],
  ["prometheus / alertmanager", /prometheus|alertmanager/],
  ["next build", /next build|next\/dist\/build/],
  ["vitest", /vitest/],
  ["typecheck / lint", /tsc|biome|graphql-codegen|codegen/],
  ["python (other)", /python/],
  ["node (other)", /node/],
];

function familyOf(pid) {
  const cmdline = procCmdline(pid);
  if (/next-server|next start|next\/dist\/bin\/next start/.test(cmdline)) {
    const config = procEnv(pid, "HEALTHBOARD_CONFIG");
    return `healthboard ${config ? config.split("/").pop() : "(no config)"}`;
  }
  // Chromium by process type: the renderers (pages' scripts, layout, canvas), the
  // GPU process (software compositing with --disable-gpu), the browser and utilities.
  if (/chromium/.test(cmdline))
    return `chromium ${/--type=([\w-]+)/.exec(cmdline)?.[1] ?? "browser"}`;
  for (const [name, pattern] of FAMILIES) if (pattern.test(cmdline)) return name;
  return "other";
}

const separator = process.argv.indexOf("--");
const [command, ...args] = process.argv.slice(separator + 1);
if (separator < 0 || !command) {
  console.error("usage: node bench/process-cpu.mjs -- <command>");
  process.exit(2);
}
// Processes already running count only what they use from now on.
const ledger = new CpuLedger(familyOf, { fromNow: true }).sample();
const started = Date.now();
const child = spawn(command, args, { stdio: "inherit" });
child.on("error", (err) => {
  console.error(`process-cpu: cannot run ${command}: ${err.message}`);
  process.exit(127);
});
const timer = setInterval(() => ledger.sample(), 1000);
child.on("exit", (code) => {
  clearInterval(timer);
  ledger.sample();
  const wall = (Date.now() - started) / 1000;
  const byFamily = ledger.byGroup();
  const total = ledger.total();
  const rows = [...byFamily].filter(([, s]) => s >= 0.5).sort((a, b) => b[1] - a[1]);
  console.log(`\n| process family | CPU s | share |\n|---|---|---|`);
  for (const [family, s] of rows) {
    console.log(`| ${family} | ${s.toFixed(0)} | ${((100 * s) / total).toFixed(1)}% |`);
  }
  console.log(
    `| all | ${total.toFixed(0)} | wall ${wall.toFixed(0)} s, ${(total / wall).toFixed(2)} cores busy |`,
  );
  process.exit(code ?? 1);
});
