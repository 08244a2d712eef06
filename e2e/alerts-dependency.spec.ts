import { type ChildProcess, execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import {
  type AlertReceiver,
  type ReceivedRequest,
  startAlertReceiver,
} from "./support/alert-receiver.mjs";
import { dagsterQueryAt } from "./support/dagster";
import { spawnHealthboard, stopHealthboard } from "./support/spawn-healthboard";

// The dependency alert end to end (issue 13's core case): an analytics asset
// that ML reads fails; the consuming team (ML) is told which of its assets are
// hit and why, the owning team (analytics) is told too, each on its own route;
// once fixed, each is told "resolved" once.
//
// Making an asset fail takes a run, which the shared Dagster does not allow,
// so the suite starts a Dagster of its own (the demo workspace, no seed, no
// daemon) in a temporary home on :3137, and a Healthboard on :3138 watching it
// (e2e/healthboard.alerts-dependency.yaml). The failure is real: the path the
// asset writes its table to is made a directory, so its materialization raises.
// Ground truth (downstream assets, the run's error) comes from that Dagster's
// GraphQL API; nothing here imports Healthboard's code.

const DAGSTER_PORT = 3137;
const HB_PORT = 3138;
const RECEIVER_PORT = 3139;
const DAGSTER = `http://127.0.0.1:${DAGSTER_PORT}`;
const HOOK_SECRET = "e2e-dep-hook-secret-91c4";
const BROKEN = ["customer_order_summary"];
const OWNER_LOCATION = "analytics-team";
const CONSUMER_LOCATION = "ml-platform";
const run = promisify(execFile);

test.describe.configure({ mode: "serial" });

let home = "";
let hb: ChildProcess | undefined;
let hbLog: () => string = () => "";
let receiver: AlertReceiver | undefined;

const dagsterEnv = () => ({
  ...process.env,
  DAGSTER_HOME: home,
  DAGSTER_PORT: String(DAGSTER_PORT),
  DAGSTER_DAEMON: "0",
});

/** Where the demo's shared storage writes the asset's table (demo/shared_storage.py). */
const tablePath = () => path.join(home, "shared-storage", `${BROKEN.join("/")}.csv`);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  home = mkdtempSync(path.join(tmpdir(), "hb-alerts-dep-"));
  await run("bash", ["scripts/dagster-up.sh"], { env: dagsterEnv(), timeout: 240_000 });
  receiver = await startAlertReceiver({ port: RECEIVER_PORT, webhookSecret: HOOK_SECRET });
  const started = await spawnHealthboard(HB_PORT, {
    HEALTHBOARD_CONFIG: "e2e/healthboard.alerts-dependency.yaml",
    HEALTHBOARD_DATA_DIR: path.join(home, "healthboard"),
    E2E_DEP_HOOK_ML_URL: `http://127.0.0.1:${RECEIVER_PORT}/webhook?route=ml`,
    E2E_DEP_HOOK_ANALYTICS_URL: `http://127.0.0.1:${RECEIVER_PORT}/webhook?route=analytics`,
    E2E_DEP_HOOK_SECRET: HOOK_SECRET,
  });
  hb = started.child;
  hbLog = started.output;
});

test.afterAll(async () => {
  stopHealthboard(hb);
  await receiver?.close();
  if (home) {
    await run("bash", ["scripts/dagster-down.sh"], { env: dagsterEnv() }).catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  }
});

const keyText = (p: readonly string[]) => p.join("/");

/** Every asset's location and direct readers, from Dagster's lineage. */
async function lineageTruth(): Promise<Map<string, { location: string; readers: string[] }>> {
  const data = await dagsterQueryAt<{
    assetNodes: {
      assetKey: { path: string[] };
      isAutoCreatedStub: boolean;
      dependedByKeys: { path: string[] }[];
      repository: { location: { name: string } };
    }[];
  }>(
    DAGSTER,
    `{ assetNodes { assetKey { path } isAutoCreatedStub dependedByKeys { path }
         repository { location { name } } } }`,
  );
  const out = new Map<string, { location: string; readers: string[] }>();
  for (const n of data.assetNodes) {
    if (n.isAutoCreatedStub) continue;
    out.set(keyText(n.assetKey.path), {
      location: n.repository.location.name,
      readers: n.dependedByKeys.map((k) => keyText(k.path)),
    });
  }
  return out;
}

/** Everything downstream of `start` (not itself), walking Dagster's readers. */
function downstreamOf(graph: Map<string, { readers: string[] }>, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(graph.get(start)?.readers ?? [])];
  while (queue.length > 0) {
    const k = queue.shift() as string;
    if (seen.has(k) || k === start) continue;
    seen.add(k);
    queue.push(...(graph.get(k)?.readers ?? []));
  }
  return seen;
}

/** Launches a run materializing the broken asset; resolves with the run id once it ends. */
async function materialize(): Promise<{ id: string; status: string }> {
  const launched = await dagsterQueryAt<{
    launchRun: { __typename: string; run?: { runId: string }; message?: string };
  }>(
    DAGSTER,
    `mutation L($p: ExecutionParams!) { launchRun(executionParams: $p) {
       __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }`,
    {
      p: {
        selector: {
          repositoryLocationName: OWNER_LOCATION,
          repositoryName: "__repository__",
          jobName: "__ASSET_JOB",
          assetSelection: [{ path: BROKEN }],
        },
      },
    },
  );
  const id = launched.launchRun.run?.runId;
  expect(id, JSON.stringify(launched.launchRun)).toBeTruthy();
  let status = "";
  await expect
    .poll(
      async () => {
        const r = await dagsterQueryAt<{ runOrError: { status?: string } }>(
          DAGSTER,
          `query R($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }`,
          { id },
        );
        status = r.runOrError.status ?? "";
        return ["SUCCESS", "FAILURE", "CANCELED"].includes(status);
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(true);
  return { id: id as string, status };
}

/**
 * The step failure's error as Dagster recorded it for the run: the innermost
 * error of its chain, the exception the asset's code raised (Dagster wraps it
 * in DagsterExecutionStepExecutionError).
 */
async function runError(runId: string): Promise<string> {
  const data = await dagsterQueryAt<{
    logsForRun: {
      events: {
        __typename: string;
        error?: { message: string; errorChain: { error: { message: string } }[] };
      }[];
    };
  }>(
    DAGSTER,
    `query E($id: ID!) { logsForRun(runId: $id) { ... on EventConnection { events {
       __typename ... on ExecutionStepFailureEvent {
         error { message errorChain { error { message } } } } } } } }`,
    { id: runId },
  );
  const failure = data.logsForRun.events.find((e) => e.__typename === "ExecutionStepFailureEvent");
  const chain = [
    failure?.error?.message,
    ...(failure?.error?.errorChain ?? []).map((l) => l.error.message),
  ];
  return chain.filter((m): m is string => Boolean(m)).at(-1) ?? "";
}

const route = (r: ReceivedRequest) => new URL(r.path, "http://x").searchParams.get("route");
const ours = (name: string, transition: string) =>
  (receiver?.received ?? []).filter(
    (r) =>
      route(r) === name &&
      r.body?.alert?.rule === "upstream-broken" &&
      keyText(r.body?.alert?.asset ?? []) === keyText(BROKEN) &&
      r.body?.transition === transition,
  );

test("an analytics asset ML reads fails: ML and analytics are each told, with ML's assets hit and the error; fixed: resolved once", async () => {
  test.setTimeout(300_000);
  const graph = await lineageTruth();
  const broken = keyText(BROKEN);
  expect(graph.get(broken)?.location).toBe(OWNER_LOCATION);
  const downstream = downstreamOf(graph, broken);
  const mlHit = [...downstream].filter((k) => graph.get(k)?.location === CONSUMER_LOCATION);
  // The case the rule is for: another team's asset reads it.
  expect(mlHit.length).toBeGreaterThan(0);

  mkdirSync(tablePath(), { recursive: true });
  try {
    const failed = await materialize();
    expect(failed.status).toBe("FAILURE");
    const error = await runError(failed.id);
    expect(error).not.toBe("");

    // Fires on both routes within a refresh, an evaluation and the rule's `for`.
    await expect
      .poll(() => ours("ml", "firing").length + ours("analytics", "firing").length, {
        timeout: 60_000,
        message: `no firing on both routes; Healthboard log:\n${hbLog().slice(-3000)}`,
      })
      .toBeGreaterThanOrEqual(2);
    await expect.poll(() => ours("ml", "firing").length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => ours("analytics", "firing").length, { timeout: 15_000 }).toBe(1);

    const toMl = ours("ml", "firing")[0] as ReceivedRequest;
    expect(toMl.problems).toEqual([]);
    expect(toMl.body.alert.team).toBe("ml");
    expect(toMl.body.alert.role).toBe("consumer");
    expect(
      (toMl.body.alert.affected as { key: string[] }[]).map((a) => keyText(a.key)).sort(),
    ).toEqual(mlHit.sort());
    expect(keyText(toMl.body.alert.rootCause.key)).toBe(broken);
    // The exception the asset raised, as Dagster recorded it (first line: type and message).
    expect(toMl.body.alert.rootCause.error).toContain(error.split("\n")[0]?.trim());
    // Who else is hit: the blast radius counts every team downstream, as Dagster's lineage says.
    const perTeam = new Map<string, number>();
    for (const k of downstream) {
      const team = {
        "analytics-team": "analytics",
        "ml-platform": "ml",
        "finance-reporting": "finance",
      }[graph.get(k)?.location ?? ""];
      if (team) perTeam.set(team, (perTeam.get(team) ?? 0) + 1);
    }
    expect(
      Object.fromEntries(
        (toMl.body.alert.blastRadius as { team: string; count: number }[]).map((b) => [
          b.team,
          b.count,
        ]),
      ),
    ).toEqual(Object.fromEntries(perTeam));

    const toOwner = ours("analytics", "firing")[0] as ReceivedRequest;
    expect(toOwner.problems).toEqual([]);
    expect(toOwner.body.alert.team).toBe("analytics");
    expect(toOwner.body.alert.role).toBe("owner");
    expect(toOwner.body.alert.summary).toContain("ml");
    expect(toOwner.body.alert.rootCause.error).toContain(error.split("\n")[0]?.trim());
    // Nothing was sent to a route for an alert of another team.
    expect(receiver?.received.every((r) => r.body?.alert?.team === route(r))).toBe(true);
  } finally {
    rmSync(tablePath(), { recursive: true, force: true });
  }

  const fixed = await materialize();
  expect(fixed.status).toBe("SUCCESS");
  await expect
    .poll(() => ours("ml", "resolved").length + ours("analytics", "resolved").length, {
      timeout: 60_000,
    })
    .toBe(2);
  // Once: a few more evaluations send nothing more, on either route.
  await new Promise((r) => setTimeout(r, 5_000));
  for (const name of ["ml", "analytics"]) {
    expect(ours(name, "resolved")).toHaveLength(1);
    expect(ours(name, "firing")).toHaveLength(1);
    const [firing, resolved] = [ours(name, "firing")[0], ours(name, "resolved")[0]];
    expect(resolved?.body.incident).toBe(firing?.body.incident);
    expect(resolved?.key).not.toBe(firing?.key);
  }
});
