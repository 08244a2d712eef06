import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { FAULT_INSTANCES, type FaultInstance } from "./e2e/support/fault-instances";
import chromium from "./scripts/chromium.json";

// The suite shares one real Dagster (started by scripts/test.sh). Five groups
// of specs run side by side first, since none of them changes what another
// reads; then the specs that change the shared Dagster run one at a time:
// - READ_ONLY_SPECS only read the shared Dagster through the main Healthboard
//   (or servers of their own): parallel workers.
// - FAULT_PROXY_SPECS and FUZZ_SPECS each drive the fault proxy of a fault
//   Healthboard of their own (e2e/support/fault-instances.ts): they read the
//   shared Dagster but switch their proxy's faults, so each group runs one
//   spec after another in a worker of its own. faults.spec.ts mostly waits
//   out back-off windows and recoveries, fuzz.spec.ts sends thousands of
//   requests: side by side, the waits overlap the requests and the
//   read-only specs' crawls. unreachable-deployment.spec.ts follows fuzz on
//   the fuzz instance (faults.spec.ts ends with its flaky deployment backing
//   off for 40 s on the other one).
// - OWN_SERVER_SPECS start Healthboards (two of them a Dagster, replicas a
//   PostgreSQL) of their own on their own ports and only read the shared
//   Dagsters: one worker, so no more than one spec's servers start at a time
//   on this two-core machine.
// - LATE_READER_SPECS only read the shared Dagsters, through the Healthboards
//   this config starts (the main one, the second workspace's, the
//   environments'), and start nothing. Kept out of the first four workers'
//   queues: they take the worker the fault specs free (the limit of five
//   workers holds them back until then), instead of lengthening the
//   own-server worker, which ends last.
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
// In this order (one worker runs a project's files in path order).
const FUZZ_SPECS = ["fuzz", "unreachable-deployment"];
const OWN_SERVER_SPECS = [
  "alerts-dependency",
  "compute",
  "deploys-impact",
  "latency",
  "replicas",
  "storage",
];
const LATE_READER_SPECS = ["cause", "environments", "second-workspace"];
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
  writeFileSync(
    config,
    readFileSync("e2e/healthboard.faults.yaml", "utf8").replace(
      /127\.0\.0\.1:(3122|3123)\//g,
      (_, port) => `127.0.0.1:${port === "3122" ? instance.proxyPort : instance.controlPort}/`,
    ),
  );
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
  // Two read-only workers, the fault-proxy and fuzz workers, the own-server
  // worker; the late readers wait for one of these to come free.
  workers: Number(process.env.E2E_WORKERS ?? 5),
  projects: [
    { name: "read-only", testMatch: specs(READ_ONLY_SPECS), workers: 2 },
    { name: "fault-proxy", testMatch: specs(FAULT_PROXY_SPECS), workers: 1 },
    { name: "fuzz", testMatch: specs(FUZZ_SPECS), workers: 1 },
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
      dependencies: ["read-only", "fault-proxy", "fuzz", "own-servers", "late-readers"],
      workers: 1,
    },
  ],
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
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
