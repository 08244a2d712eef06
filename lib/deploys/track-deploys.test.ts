import { describe, expect, it } from "vitest";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import { SqliteDeployStore } from "./sqlite-deploy-store";
import { trackDeploys } from "./track-deploys";

// Each case replays what Dagster reported, poll after poll, through the real
// store, so the state the tracker compares against is what SQLite gives back.

interface Poll {
  versionKey: string;
  status?: CodeLocationSnapshot["status"];
  fingerprint?: string;
  version?: string;
  at?: number;
}

function snapshot(p: Poll): CodeLocationSnapshot {
  const failed = p.status === "failed";
  return {
    deployment: "prod",
    name: "ml",
    status: p.status ?? "loaded",
    error: failed ? { message: "ImportError: boom", className: "ImportError" } : null,
    versionKey: p.versionKey,
    fingerprint: failed ? null : (p.fingerprint ?? "f1"),
    version: p.version ?? (failed ? null : (p.fingerprint ?? "f1")),
    updatedAt: p.at ?? 1_000,
    repositories: [],
    assets: [],
  };
}

function replay(polls: Poll[]): string[][] {
  const store = new SqliteDeployStore(":memory:");
  try {
    return polls.map((p) => {
      const events = trackDeploys(store.lastKnown("prod", "ml"), snapshot(p), 5);
      store.append(events);
      return events.map((e) => e.kind);
    });
  } finally {
    store.close();
  }
}

describe("trackDeploys", () => {
  it("records a first sight as a baseline, loaded or failing", () => {
    expect(replay([{ versionKey: "a" }])).toEqual([["observed"]]);
    expect(replay([{ versionKey: "a", status: "failed" }])).toEqual([["observed"]]);
  });

  it("does not count a restart with the same code as a deploy", () => {
    expect(
      replay([{ versionKey: "server-1" }, { versionKey: "server-2" }, { versionKey: "server-3" }]),
    ).toEqual([["observed"], [], []]);
  });

  it("counts a change of definitions as a deploy, even without a new versionKey", () => {
    expect(
      replay([
        { versionKey: "server-1" },
        { versionKey: "server-2", fingerprint: "f2" },
        { versionKey: "server-2", fingerprint: "f3" },
        { versionKey: "server-3", fingerprint: "f3" },
      ]),
    ).toEqual([["observed"], ["deploy"], ["deploy"], []]);
  });

  it("carries the fingerprint, version and Dagster's update time on a deploy", () => {
    const [event] = trackDeploys(
      { versionKey: "a", failed: false, fingerprint: "f1", version: "1.0" },
      snapshot({ versionKey: "b", fingerprint: "f2", version: "2.0", at: 2_000 }),
      9_999,
    );
    expect(event).toEqual({
      deployment: "prod",
      location: "ml",
      kind: "deploy",
      versionKey: "b",
      fingerprint: "f2",
      version: "2.0",
      failed: false,
      error: null,
      at: 2_000,
    });
  });

  it("counts a failure after a reload as a failed deploy, then the fix as deploy and recovery", () => {
    const kinds = replay([
      { versionKey: "a" },
      { versionKey: "b", status: "failed" },
      { versionKey: "b", status: "failed" },
      { versionKey: "c" },
      { versionKey: "d" },
    ]);
    expect(kinds).toEqual([["observed"], ["deploy_failed"], [], ["deploy", "recovery"], []]);
  });

  it("keeps the error of a failed deploy", () => {
    const events = trackDeploys(
      { versionKey: "a", failed: false, fingerprint: "f1", version: "f1" },
      snapshot({ versionKey: "b", status: "failed" }),
      0,
    );
    expect(events).toMatchObject([
      { kind: "deploy_failed", failed: true, fingerprint: null, error: "ImportError: boom" },
    ]);
  });

  it("does not count reloads of the same broken code, but does count a new commit that fails too", () => {
    expect(
      replay([
        { versionKey: "a", status: "failed", version: "abc" },
        { versionKey: "b", status: "failed", version: "abc" },
        { versionKey: "c", status: "failed", version: "def" },
        { versionKey: "d", status: "failed" },
      ]),
    ).toEqual([["observed"], [], ["deploy_failed"], []]);
  });

  it("recovers a location first seen broken", () => {
    expect(replay([{ versionKey: "a", status: "failed" }, { versionKey: "b" }])).toEqual([
      ["observed"],
      ["deploy", "recovery"],
    ]);
  });

  it("sets one baseline over a history recorded before fingerprints, then ignores restarts", () => {
    const known = { versionKey: "k1", failed: false, fingerprint: null, version: null };
    expect(trackDeploys(known, snapshot({ versionKey: "k2" }), 0).map((e) => e.kind)).toEqual([
      "observed",
    ]);
  });

  it("judges nothing while a location is loading", () => {
    expect(
      replay([{ versionKey: "a" }, { versionKey: "b", status: "loading", fingerprint: "f9" }]),
    ).toEqual([["observed"], []]);
  });
});
