// Upstream Dagster requests per minute in steady state, full sweeps against the
// incremental refresh (issue 16, item 3), in one run against one synthetic
// dagster-webserver; then how long a change made in Dagster takes to show.
//
//   node bench/incremental-upstream.mjs [--assets 25000] [--minutes 3] [--location-seconds 5,15] [--changes 3]
//
// --location-seconds: the location poll of each incremental run, one after the
// other on the same webserver (full sweeps run once, with the first).
//
// Needs `npx next build` first. Ports 3190 (webserver), 3191 (counting proxy),
// 3192 (Healthboard); everything started here is stopped at the end.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  arg,
  assertPortsFree,
  LOCATIONS,
  PORTS,
  ROOT,
  shutdown,
  sleep,
  startHealthboard,
  startWorkloadDagster,
  until,
} from "./harness.mjs";

const N = Number(arg("assets", "25000"));
const MINUTES = Number(arg("minutes", "3"));
// The location poll (refresh.locationStatusSeconds) of each incremental run; the
// full sweeps run with the first, as before the incremental refresh.
const LOCATION_SECONDS = arg("location-seconds", "5").split(",").map(Number);
const REFRESH_S = 30; // the default asset refresh interval
// How many changes to time, one after another, spread over the locations and keys.
const CHANGES = Number(arg("changes", "3"));

/** The workload's key of asset `a` (bench/generate_workload.py: asset a lives in team a mod 12). */
const keyOf = (a) =>
  `team_${String(a % LOCATIONS).padStart(2, "0")}/asset_${String(a).padStart(5, "0")}`;
/** CHANGES keys spread over the graph and the locations. */
const changedKeys = () =>
  Array.from({ length: CHANGES }, (_, c) => {
    const a = Math.floor((c * N) / CHANGES);
    return keyOf(a - (a % LOCATIONS) + ((c * 5) % LOCATIONS));
  });
const SWEEP_S = 1800; // the default refresh.sweepSeconds
Object.assign(PORTS, { dagster: 3190, proxy: 3191, healthboard: 3192 });
const hb = `http://127.0.0.1:${PORTS.healthboard}`;
const OUT = path.join(ROOT, "bench/.out", `incremental-n${N}`);

/** Boots Healthboard, waits out its first full cycle, then counts upstream requests for MINUTES. */
async function steadyState(label, incremental, locationStatusSeconds) {
  mkdirSync(path.join(OUT, label), { recursive: true });
  const { proxy, hb: child } = await startHealthboard({
    locations: LOCATIONS,
    out: path.join(OUT, label),
    refreshSeconds: REFRESH_S,
    locationStatusSeconds,
    extraConfig: [`  incremental: ${incremental}`, `  sweepSeconds: ${SWEEP_S}`],
  });
  await fetch(`${hb}/api/v1/overview`); // waits for the first statuses
  // History fills in behind the first statuses: wait until it has been fetched once.
  await until(
    "first history",
    async () => (proxy.counts.get("MaterializationHistory") ?? 0) >= Math.ceil(N / 250),
    900_000,
  );
  await sleep(2 * REFRESH_S * 1000);
  // The safety-net sweep's price: one status pass and one history pass of
  // ⌈N / 250⌉ batches each (the first cycle, counted in `boot`, is one).
  const boot = proxy.snapshot();
  const sweepCost = 2 * Math.ceil(N / 250);
  proxy.reset();
  const t0 = Date.now();
  await sleep(MINUTES * 60_000);
  const perMinute =
    [...proxy.counts.values()].reduce((a, b) => a + b, 0) / ((Date.now() - t0) / 60_000);
  console.log(`${label}: ${perMinute.toFixed(1)} upstream requests/min`, proxy.snapshot());
  return { perMinute, byOperation: proxy.snapshot(), boot, sweepCost, proxy, child };
}

/** A real run materializes one asset; returns ms from its materialization until Healthboard shows it. */
async function changeLatency(key) {
  const at = Number(
    execFileSync(path.join(ROOT, ".venv/bin/python"), ["bench/materialize_in_storage.py", key], {
      cwd: ROOT,
      env: { ...process.env, DAGSTER_HOME: path.join(OUT, "dagster-home") },
    })
      .toString()
      .trim()
      .split("\n")
      .at(-1),
  );
  // Polled every 250 ms (harness's until() waits 1 s between tries, which
  // would add up to a second to each figure).
  const deadline = Date.now() + 10 * REFRESH_S * 1000;
  for (;;) {
    const res = await fetch(`${hb}/api/v1/asset?key=${encodeURIComponent(key)}`).catch(() => null);
    const body = res?.ok ? await res.json() : null;
    if (body?.definitions?.some((d) => d.lastMaterializedAt === at)) break;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${key} materialization shown`);
    await sleep(250);
  }
  return Date.now() - at;
}

async function main() {
  await assertPortsFree(Object.values(PORTS));
  await startWorkloadDagster({ assets: N, locations: LOCATIONS, out: OUT });
  // harness.mjs's startWorkloadDagster keeps its own home under OUT.
  const full = await steadyState("full-sweeps", false, LOCATION_SECONDS[0]);
  full.child.kill("SIGTERM");
  await full.proxy.close();
  const runs = [];
  for (const [i, seconds] of LOCATION_SECONDS.entries()) {
    await sleep(5_000);
    const inc = await steadyState(`incremental-location-${seconds}s`, true, seconds);
    // The change latency once, on the last run (its server stays up for it).
    const last = i === LOCATION_SECONDS.length - 1;
    const latencies = [];
    for (const key of last ? changedKeys() : []) {
      if (Number(key.split("_").at(-1)) >= N) continue;
      latencies.push(await changeLatency(key));
      console.log(`change to ${key} shown after ${latencies.at(-1)} ms`);
    }
    // Between sweeps the incremental window holds no sweep: add one per sweep
    // period (the default 1,800 s), priced as one full status pass plus one
    // full history pass.
    const amortized = inc.perMinute + inc.sweepCost / (SWEEP_S / 60);
    runs.push({
      locationStatusSeconds: seconds,
      incrementalPerMinute: inc.perMinute,
      ratio: full.perMinute / inc.perMinute,
      sweepCost: inc.sweepCost,
      incrementalAmortizedPerMinute: amortized,
      ratioAmortized: full.perMinute / amortized,
      changeShownMs: latencies,
      incremental: inc.byOperation,
    });
    if (!last) {
      inc.child.kill("SIGTERM");
      await inc.proxy.close();
    } else {
      await inc.proxy.close(); // else its listening socket keeps this process alive
    }
  }
  console.log(
    JSON.stringify(
      {
        assets: N,
        minutes: MINUTES,
        refreshSeconds: REFRESH_S,
        fullLocationStatusSeconds: LOCATION_SECONDS[0],
        fullPerMinute: full.perMinute,
        full: full.byOperation,
        runs,
      },
      null,
      2,
    ),
  );
  await shutdown();
}

main().catch(async (err) => {
  console.error(err);
  await shutdown();
  process.exit(1);
});
