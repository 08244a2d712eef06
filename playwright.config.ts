import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { FAULT_INSTANCES, type FaultInstance } from "./e2e/support/fault-instances";
import chromium from "./scripts/chromium.json";

// The suite shares one real Dagster (started by scripts/test.sh). Four groups
// of specs run side by side first, since none of them changes what another
// reads; then the specs that change the shared Dagster run one at a time,
// beside the fuzzer:
// - READ_ONLY_SPECS only read the shared Dagster through the main Healthboard
//   (or servers of their own): parallel workers.
// - FAULT_PROXY_SPECS drive the fault proxy of a fault Healthboard of their
//   own (e2e/support/fault-instances.ts): they read the shared Dagster but
//   switch their proxy's faults, so they run one after another in a worker of
//   their own, mostly waiting out back-off windows and recoveries.
// - OWN_SERVER_SPECS start Healthboards (two of them a Dagster, replicas a
//   PostgreSQL) of their own on their own ports and only read the shared
//   Dagsters: one worker, so no more than one spec's servers start at a time
//   on this two-core machine.
// - LATE_READER_SPECS only read the shared Dagsters, through the Healthboards
//   this config starts, and start nothing (unreachable-deployment switches the
//   fuzz instance's proxy, which nothing else uses before fuzz.spec.ts). Kept
//   out of the first four workers' queues: they take the worker the fault
//   specs free (the limit of four workers holds them back until then).
// - FUZZ_SPECS send thousands of requests from six clients to the fuzz
//   instance: a core's worth of work for minutes. Beside the groups above it
//   starved the fault specs' recoveries and the Dagster they wait on (CI, 2
//   December: load 20-30, ten timeouts), so it runs after them, beside the
//   serial specs: it checks answers' shape (no 5xx, no stack trace, no
//   mutation upstream), which a location the serial specs break cannot change.
// A spec that changes the shared Dagster's state (breaks or reloads a
// location, launches a run on it) goes in none of these lists: it is serial.
// badges and overview-triage lost their tests that break a location to
// badges-location and overview-triage-broken, which are serial.
const READ_ONLY_SPECS = [
  "access-control",
  "bad-config",
  "badges",
  "bad-input",
  "contracts",
  "embeds",
  "headers",
  "lineage-first-frame",
  "lineage-view",
  "lineage",
  "overview",
  "overview-triage",
  "route-catalog",
  "small-things",
  "team-page",
  "token-secrecy",
];
const FAULT_PROXY_SPECS = ["faults"];
const FUZZ_SPECS = ["fuzz"];
const OWN_SERVER_SPECS = [
  "alerts-dependency",
  "compute",
  "deploys-impact",
  "latency",
  "replicas",
  "storage",
];
const LATE_READER_SPECS = [
  "cause",
  "environment-badges",
  "environments",
  "second-workspace",
  "unreachable-deployment",
];
const PARALLEL_PROJECTS = ["read-only", "fault-proxy", "own-servers", "late-readers"];
const specs = (names: string[]) => names.map((name) => `**/${name}.spec.ts`);
const DAGSTER_URL = process.env.E2E_DAGSTER_URL ?? "http://127.0.0.1:3071";
const PORT = Number(process.env.E2E_PORT ?? 3100);
// A third Healthboard for the second workspace (e2e/second-workspace.spec.ts):
// the demo Dagster as `local` and a second Dagster of another shape as `second`.
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3124);
// A fourth for environments (e2e/environments.spec.ts): the demo Dagster as
// prod and the staging Dagster (scripts/staging-up.sh, :3073) as staging.
const ENVS_PORT = Number(process.env.E2E_ENVS_PORT ?? 3160);
const TOKEN_ENV = {
  // A recognisable token: security tests scan every served byte for it.
  E2E_DAGSTER_TOKEN: "hb-e2e-secret-token-7f3a9c",
};

// A fault Healthboard and its fault proxy, per fault instance: its "flaky"
// deployment goes through the fault-injecting proxy, its "steady" one through
// the recording pass-through. Its config is e2e/healthboard.faults.yaml with
// the instance's proxy ports written in.
function faultServers(instance: FaultInstance) {
  const config = `${instance.dataDir}/healthboard.faults.yaml`;
  mkdirSync(instance.dataDir, { recursive: true });
  let yaml = readFileSync("e2e/healthboard.faults.yaml", "utf8").replace(
    /127\.0\.0\.1:(3122|3123)\//g,
    (_, port) => `127.0.0.1:${port === "3122" ? instance.proxyPort : instance.controlPort}/`,
  );
  for (const [key, seconds] of Object.entries(instance.refresh ?? {})) {
    const line = new RegExp(`^(\\s+${key}:) \\d+$`, "m");
    if (!line.test(yaml)) throw new Error(`e2e/healthboard.faults.yaml has no refresh.${key}`);
    yaml = yaml.replace(line, `$1 ${seconds}`);
  }
  writeFileSync(config, yaml);
  return [
    {
      command: `node e2e/support/fault-proxy.mjs --port ${instance.proxyPort} --control-port ${instance.controlPort} --target ${DAGSTER_URL}`,
      url: `http://127.0.0.1:${instance.controlPort}/__faults/health`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      command: `npx next start -p ${instance.port}`,
      url: `http://127.0.0.1:${instance.port}/api/v1/overview`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HEALTHBOARD_CONFIG: config,
        HEALTHBOARD_DATA_DIR: instance.dataDir,
        ...TOKEN_ENV,
      },
    },
  ];
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two read-only workers, the fault-proxy worker and the own-server worker;
  // the late readers wait for one of these to come free.
  workers: Number(process.env.E2E_WORKERS ?? 4),
  projects: [
    { name: "read-only", testMatch: specs(READ_ONLY_SPECS), workers: 2 },
    { name: "fault-proxy", testMatch: specs(FAULT_PROXY_SPECS), workers: 1 },
    { name: "own-servers", testMatch: specs(OWN_SERVER_SPECS), workers: 1 },
    { name: "late-readers", testMatch: specs(LATE_READER_SPECS), workers: 1 },
    {
      name: "serial",
      testIgnore: specs([
        ...READ_ONLY_SPECS,
        ...FAULT_PROXY_SPECS,
        ...FUZZ_SPECS,
        ...OWN_SERVER_SPECS,
        ...LATE_READER_SPECS,
      ]),
      dependencies: PARALLEL_PROJECTS,
      workers: 1,
    },
    { name: "fuzz", testMatch: specs(FUZZ_SPECS), dependencies: PARALLEL_PROJECTS, workers: 1 },
  ],
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two minutes: on the CI machine, at load 20-30 with five workers, a test
  // that reads Dagster twice and renders three pages passed one minute (the
  // faults specs, 2 December). Only a test that hangs or fails anyway waits it out.
  timeout: 120_000,
  // The machine is shared and has 2 cores: a first page load can take longer
  // than Playwright's 5 s default while Dagster, its daemon and four Healthboards
  // run beside it. Waiting longer only slows down a test that fails anyway.
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // Debian's Chromium: Playwright cannot download its own browser here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
      args: chromium.args,
    },
  },
  metadata: {
    dagsterUrl: DAGSTER_URL,
    faultsUrl: `http://127.0.0.1:${FAULT_INSTANCES.faults.port}`,
    faultControlUrl: `http://127.0.0.1:${FAULT_INSTANCES.faults.controlPort}`,
  },
  webServer: [
    {
      command: `npx next start -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/v1/overview`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HEALTHBOARD_CONFIG: "e2e/healthboard.e2e.yaml",
        HEALTHBOARD_DATA_DIR: ".healthboard-e2e",
        ...TOKEN_ENV,
      },
    },
    ...faultServers(FAULT_INSTANCES.faults),
    ...faultServers(FAULT_INSTANCES.fuzz),
    {
      command: `npx next start -p ${SECOND_PORT}`,
      url: `http://127.0.0.1:${SECOND_PORT}/api/v1/overview`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HEALTHBOARD_CONFIG: "e2e/healthboard.second.yaml",
        HEALTHBOARD_DATA_DIR: ".healthboard-e2e-second",
      },
    },
    {
      command: `npx next start -p ${ENVS_PORT}`,
      url: `http://127.0.0.1:${ENVS_PORT}/api/v1/overview`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HEALTHBOARD_CONFIG: "e2e/healthboard.envs.yaml",
        HEALTHBOARD_DATA_DIR: ".healthboard-e2e-envs",
      },
    },
  ],
});
