import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import { deployStats } from "./deploy-stats";
import type { DeployEvent } from "./deploy-types";
import { SqliteDeployStore } from "./sqlite-deploy-store";
import { trackDeploys } from "./track-deploys";

function loc(
  versionKey: string,
  status: CodeLocationSnapshot["status"] = "loaded",
  updatedAt = 1_000,
): CodeLocationSnapshot {
  return {
    deployment: "prod",
    name: "ml",
    status,
    error: status === "failed" ? { message: "ImportError: boom", className: "ImportError" } : null,
    versionKey,
    updatedAt,
    repositories: [],
    assets: [],
  };
}

describe("trackDeploys", () => {
  it("records a first sighting as a baseline, not a deploy", () => {
    expect(trackDeploys(null, loc("v1"), 5).map((e) => e.kind)).toEqual(["observed"]);
    expect(trackDeploys(null, loc("v1", "failed"), 5).map((e) => e.kind)).toEqual([
      "deploy_failed",
    ]);
  });

  it("records a version change as a deploy at Dagster's update time", () => {
    expect(
      trackDeploys({ versionKey: "v1", failed: false }, loc("v2", "loaded", 2_000), 9_999),
    ).toEqual([
      {
        deployment: "prod",
        location: "ml",
        kind: "deploy",
        versionKey: "v2",
        error: null,
        at: 2_000,
      },
    ]);
  });

  it("records a failed load with its error, then the recovery", () => {
    const failed = trackDeploys({ versionKey: "v1", failed: false }, loc("v2", "failed"), 0);
    expect(failed).toMatchObject([{ kind: "deploy_failed", error: "ImportError: boom" }]);
    expect(
      trackDeploys({ versionKey: "v2", failed: true }, loc("v3"), 0).map((e) => e.kind),
    ).toEqual(["deploy", "recovery"]);
  });

  it("ignores unchanged and loading locations", () => {
    expect(trackDeploys({ versionKey: "v1", failed: false }, loc("v1"), 0)).toEqual([]);
    expect(trackDeploys({ versionKey: "v1", failed: false }, loc("v2", "loading"), 0)).toEqual([]);
  });
});

describe("deployStats", () => {
  const e = (kind: DeployEvent["kind"], at: number): DeployEvent => ({
    deployment: "prod",
    location: "ml",
    kind,
    versionKey: `v${at}`,
    error: null,
    at,
  });

  it("computes the success rate over a window, counting only deploys", () => {
    const events = [
      e("observed", 1),
      e("deploy", 10),
      e("deploy_failed", 20),
      e("recovery", 30),
      e("deploy", 30),
      e("deploy", 99),
    ];
    expect(deployStats(events, 5, 50)).toMatchObject({ deploys: 3, failed: 1, successRate: 2 / 3 });
    expect(deployStats(events, 5, 50).lastDeploy?.at).toBe(30);
    expect(deployStats(events, 40, 50)).toMatchObject({
      deploys: 0,
      successRate: null,
      lastDeploy: null,
    });
  });
});

describe("SqliteDeployStore", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps history across a restart, migrated once, in WAL mode", () => {
    dir = mkdtempSync(path.join(tmpdir(), "hb-deploys-"));
    const file = path.join(dir, "nested", "deploys.sqlite");
    const first = new SqliteDeployStore(file);
    first.append([
      {
        deployment: "prod",
        location: "ml",
        kind: "observed",
        versionKey: "v1",
        error: null,
        at: 100,
      },
      {
        deployment: "prod",
        location: "ml",
        kind: "deploy_failed",
        versionKey: "v2",
        error: "boom",
        at: 200,
      },
      {
        deployment: "prod",
        location: "etl",
        kind: "deploy",
        versionKey: "e1",
        error: null,
        at: 150,
      },
    ]);
    first.close();

    const second = new SqliteDeployStore(file);
    expect(second.schemaVersion).toBe(1);
    expect(second.journalMode).toBe("wal");
    expect(second.lastKnown("prod", "ml")).toEqual({ versionKey: "v2", failed: true });
    expect(second.lastKnown("prod", "nope")).toBeNull();
    expect(second.list({ deployment: "prod", location: "ml" }).map((x) => x.kind)).toEqual([
      "observed",
      "deploy_failed",
    ]);
    expect(second.list({ since: 120, until: 200 }).map((x) => x.location)).toEqual(["etl"]);
    second.close();
  });
});
