import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import chromium from "./scripts/chromium.json";

// The suite shares one real Dagster (started by scripts/test.sh). Specs that
// only read run first, side by side in parallel workers; then the specs that
// change shared state (break and fix code locations, launch runs, switch the
// fault proxy) run one at a time. A spec is serial unless it is listed in
// READ_ONLY_SPECS: list it there only if it changes nothing another spec reads.
const READ_ONLY_SPECS = [
  "access-control",
  "bad-config",
  "bad-input",
  "contracts",
  "embeds",
  "headers",
  "lineage-view",
  "lineage",
  "overview",
  "route-catalog",
  "small-things",
  "team-page",
  "token-secrecy",
].map((name) => `**/${name}.spec.ts`);
const DAGSTER_URL = process.env.E2E_DAGSTER_URL ?? "http://127.0.0.1:3071";
const PORT = Number(process.env.E2E_PORT ?? 3100);
// A second Healthboard for the fault and fuzz tests: its "flaky" deployment
// goes through a fault-injecting proxy, its "steady" one through a recording
// pass-through. Its config is e2e/healthboard.faults.yaml with the proxy ports
// of this run written in, so parallel checkouts can pick their own.
const FAULTS_PORT = Number(process.env.E2E_FAULTS_PORT ?? 3121);
const FAULT_PROXY_PORT = Number(process.env.E2E_FAULT_PROXY_PORT ?? 3122);
const FAULT_CONTROL_PORT = Number(process.env.E2E_FAULT_CONTROL_PORT ?? 3123);
const FAULTS_DATA_DIR = ".healthboard-e2e-faults";
const FAULTS_CONFIG = `${FAULTS_DATA_DIR}/healthboard.faults.yaml`;
mkdirSync(FAULTS_DATA_DIR, { recursive: true });
writeFileSync(
  FAULTS_CONFIG,
  readFileSync("e2e/healthboard.faults.yaml", "utf8").replace(
    /127\.0\.0\.1:(3122|3123)\//g,
    (_, port) => `127.0.0.1:${port === "3122" ? FAULT_PROXY_PORT : FAULT_CONTROL_PORT}/`,
  ),
);
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

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two cores: more workers only queue for them.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  projects: [
    { name: "read-only", testMatch: READ_ONLY_SPECS },
    {
      name: "serial",
      testIgnore: READ_ONLY_SPECS,
      dependencies: ["read-only"],
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
    faultsUrl: `http://127.0.0.1:${FAULTS_PORT}`,
    faultControlUrl: `http://127.0.0.1:${FAULT_CONTROL_PORT}`,
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
    {
      command: `node e2e/support/fault-proxy.mjs --port ${FAULT_PROXY_PORT} --control-port ${FAULT_CONTROL_PORT} --target ${DAGSTER_URL}`,
      url: `http://127.0.0.1:${FAULT_CONTROL_PORT}/__faults/health`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      command: `npx next start -p ${FAULTS_PORT}`,
      url: `http://127.0.0.1:${FAULTS_PORT}/api/v1/overview`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HEALTHBOARD_CONFIG: FAULTS_CONFIG,
        HEALTHBOARD_DATA_DIR: FAULTS_DATA_DIR,
        ...TOKEN_ENV,
      },
    },
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
