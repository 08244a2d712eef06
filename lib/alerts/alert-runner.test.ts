import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TeamConfig } from "@/lib/config/config-schema";
import { buildSnapshot } from "@/lib/snapshot/build-snapshot";
import { def } from "@/lib/testing/asset-fixtures";
import { withLocationDown } from "@/lib/testing/outage-fixtures";
import { deploymentInput, MATERIALIZED } from "@/lib/testing/snapshot-fixtures";
import { alertsSchema } from "./alert-config";
import { AlertRunner, UNREAD_GRACE_MS } from "./alert-runner";
import type { AlertNotification } from "./alert-types";
import { Dispatcher } from "./dispatcher";
import { SqliteAlertStore } from "./sqlite-alert-store";

const TEAMS: TeamConfig[] = [
  { slug: "ml", name: "ML", owners: [], locations: [{ deployment: "prod", location: "ml" }] },
];
const input = deploymentInput(
  "prod",
  { ml: [def(["model"], { location: "ml" })] },
  {
    [JSON.stringify(["model"])]: MATERIALIZED,
  },
);
const UP = buildSnapshot([input], TEAMS, "up", 0);
const DOWN = buildSnapshot([withLocationDown(input, "ml")], TEAMS, "down", 0);

const ALERTS = alertsSchema.parse({
  channels: [{ name: "hook", type: "webhook", urlEnv: "U", secretEnv: "S" }],
  rules: [
    { name: "loc", type: "location", for: "10s", routes: [{ team: "ml", channels: ["hook"] }] },
  ],
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** One Healthboard process: its own store handle, dispatcher and runner over one file. */
function healthboard(
  file: string,
  world: { snapshot: typeof UP; now: number },
  got: AlertNotification[],
) {
  const store = new SqliteAlertStore(file);
  const sender = { send: async (n: AlertNotification) => void got.push(n) };
  const dispatcher = new Dispatcher(store, new Map([["hook", sender]]), { now: () => world.now });
  const runner = new AlertRunner({
    alerts: ALERTS,
    teams: TEAMS,
    store,
    dispatcher,
    snapshot: async () => world.snapshot,
    deploys: null,
    runsWindowDays: 30,
    alertmanagers: new Map(),
    now: () => world.now,
  });
  return {
    run: async () => {
      await runner.runOnce();
      await dispatcher.kick();
    },
    close: () => store.close(),
  };
}

/** A process whose location alert fired (its `for` is 10 s), then stopped: the file and the world go on. */
async function firedThenStopped() {
  const dir = mkdtempSync(path.join(tmpdir(), "alerts-"));
  dirs.push(dir);
  const file = path.join(dir, "alerts.sqlite");
  const got: AlertNotification[] = [];
  const world = { snapshot: DOWN, now: 1_000_000 };
  const first = healthboard(file, world, got);
  await first.run();
  world.now += 10_000;
  await first.run();
  first.close();
  return { file, world, got };
}

describe("AlertRunner across a restart", () => {
  it("neither forgets a firing alert nor sends it again, and still sends its resolution", async () => {
    const { file, world, got } = await firedThenStopped();
    expect(got.map((n) => n.transition)).toEqual(["firing"]);

    // Restarted: the location is still down, time moves on.
    const second = healthboard(file, world, got);
    world.now += 5_000;
    await second.run();
    expect(got.map((n) => n.transition)).toEqual(["firing"]);
    world.snapshot = UP;
    world.now += 5_000;
    await second.run();
    expect(got.map((n) => [n.transition, n.incident === got[0]?.incident])).toEqual([
      ["firing", true],
      ["resolved", true],
    ]);
    second.close();
  });
});

describe("AlertRunner after a restart, before its first read", () => {
  it("keeps a firing alert until the data is in, for at most the grace", async () => {
    const { file, world, got } = await firedThenStopped();

    // Restarted: nothing read yet, so the snapshot has no location to be down.
    const unread = buildSnapshot(
      [
        {
          ...input,
          locations: { ...input.locations, asOf: null, locations: [] },
          statusesAsOf: null,
        },
      ],
      TEAMS,
      "unread",
      0,
    );
    world.snapshot = unread;
    const second = healthboard(file, world, got);
    world.now += 5_000;
    await second.run();
    world.now += UNREAD_GRACE_MS - 1;
    await second.run();
    expect(got.map((n) => n.transition)).toEqual(["firing"]);
    // Never read within the grace: what the snapshot says counts again.
    world.now += 1;
    await second.run();
    expect(got.map((n) => n.transition)).toEqual(["firing", "resolved"]);
    second.close();
  });
});

describe("AlertRunner's state in memory", () => {
  it("reads the store once while it alone writes, and again once the lease moved", async () => {
    const store = new SqliteAlertStore(":memory:");
    let reads = 0;
    const counted = Object.assign(Object.create(store) as SqliteAlertStore, {
      activeAlerts: () => {
        reads++;
        return store.activeAlerts();
      },
    });
    const world = { snapshot: DOWN, now: 1_000_000 };
    let leader = true;
    const runner = new AlertRunner({
      alerts: ALERTS,
      teams: TEAMS,
      store: counted,
      dispatcher: new Dispatcher(store, new Map(), { dryRun: true }),
      snapshot: async () => world.snapshot,
      deploys: null,
      runsWindowDays: 30,
      alertmanagers: new Map(),
      isLeader: () => leader,
      now: () => world.now,
    });
    for (let i = 0; i < 4; i++) {
      await runner.runOnce();
      world.now += 1_000;
    }
    expect(reads).toBe(1);
    expect(runner.storeReads).toBe(1);
    // Pending since the first run (its `for` is 10 s). Meanwhile another replica,
    // holding the lease, saw the location come back and cleared the alert.
    const pending = await store.activeAlerts();
    expect(pending.map((a) => [a.status, a.activeSince])).toEqual([["pending", 1_000_000]]);
    await store.commitStep({
      active: [],
      removed: pending.map((a) => a.fingerprint),
      notifications: [],
    });
    leader = false;
    runner.start(); // its first tick finds it is not the holder
    runner.stop();
    leader = true;
    // Down again, 11 s after the first pending: the old incident would fire now;
    // read from the store, this is a new incident, pending from now.
    world.now = 1_011_000;
    const step = await runner.runOnce();
    expect(runner.storeReads).toBe(2);
    expect(step.notifications).toEqual([]);
    expect(step.active.map((a) => [a.status, a.activeSince])).toEqual([["pending", 1_011_000]]);
    store.close();
  });
});
