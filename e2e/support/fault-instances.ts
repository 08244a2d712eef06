// The two fault Healthboards of the suite, each with a fault proxy of its own
// (a Playwright webServer each, playwright.config.ts). A proxy holds one fault
// at a time, so the specs that switch faults on one instance run one after
// another; with two instances, faults.spec.ts (mostly waiting out back-off
// windows) and unreachable-deployment.spec.ts run side by side, and fuzz.spec.ts
// (thousands of requests) takes the second one after it. Both read the shared
// Dagster only. The ports can be moved by environment variables, so parallel checkouts
// can pick their own; the config loads this in every process, so all agree.

export interface FaultInstance {
  /** The Healthboard with e2e/healthboard.faults.yaml. */
  port: number;
  /** The fault-injecting proxy in front of the "flaky" deployment. */
  proxyPort: number;
  /** The proxy's control API, and the recording pass-through of "steady". */
  controlPort: number;
  dataDir: string;
  /** Poll intervals in place of healthboard.faults.yaml's, where this instance's specs need no faster. */
  refresh?: { locationStatusSeconds: number; assetStatusSeconds: number; runsSeconds: number };
}

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const FAULT_INSTANCES = {
  /** e2e/faults.spec.ts */
  faults: {
    port: port("E2E_FAULTS_PORT", 3121),
    proxyPort: port("E2E_FAULT_PROXY_PORT", 3122),
    controlPort: port("E2E_FAULT_CONTROL_PORT", 3123),
    dataDir: ".healthboard-e2e-faults",
  },
  /** e2e/unreachable-deployment.spec.ts, then (after the parallel projects) e2e/fuzz.spec.ts */
  fuzz: {
    port: port("E2E_FUZZ_PORT", 3125),
    proxyPort: port("E2E_FUZZ_PROXY_PORT", 3126),
    controlPort: port("E2E_FUZZ_CONTROL_PORT", 3127),
    dataDir: ".healthboard-e2e-fuzz",
    // It polls the shared Dagster for the whole run but is read only twice:
    // unreachable-deployment waits up to 20 s for an outage (and a recovery)
    // to show, fuzz.spec.ts checks answers' shape. The faults instance keeps
    // 1 s: its specs time what they see against the faults they set.
    refresh: { locationStatusSeconds: 2, assetStatusSeconds: 5, runsSeconds: 10 },
  },
} satisfies Record<string, FaultInstance>;

export const faultsUrl = (instance: FaultInstance) => `http://127.0.0.1:${instance.port}`;
