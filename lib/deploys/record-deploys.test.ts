import { describe, expect, it } from "vitest";
import type { CodeLocationSnapshot } from "@/lib/domain/types";
import { def } from "@/lib/testing/asset-fixtures";
import { DeployRecorder } from "./record-deploys";
import { SqliteDeployStore } from "./sqlite-deploy-store";

const loc = (over: Partial<CodeLocationSnapshot>): CodeLocationSnapshot => ({
  deployment: "prod",
  name: "analytics",
  status: "loaded",
  error: null,
  versionKey: "k1",
  fingerprint: "f1",
  version: null,
  updatedAt: 1_000,
  repositories: ["__repository__"],
  assets: [
    def(["clean"], { location: "analytics" }, { upstream: [["raw"]] }, { codeVersion: "1" }),
  ],
  ...over,
});

describe("DeployRecorder", () => {
  it("records transitions and keeps each loaded version's definitions once", async () => {
    const store = new SqliteDeployStore(":memory:");
    const recorder = new DeployRecorder(store);
    await recorder.record(loc({}), 1_000);
    const second = [def(["clean"], { location: "analytics" }, {}, { codeVersion: "2" })];
    await recorder.record(loc({ fingerprint: "f2", versionKey: "k2", assets: second }), 2_000);
    // A failing reload shows the last good definitions: they are not kept as its own.
    await recorder.record(
      loc({
        status: "failed",
        fingerprint: null,
        versionKey: "k3",
        error: { message: "x", className: null },
      }),
      3_000,
    );
    expect(store.list({}).map((e) => [e.kind, e.fingerprint])).toEqual([
      ["observed", "f1"],
      ["deploy", "f2"],
      ["deploy_failed", null],
    ]);
    expect(store.definitions("prod", "analytics", "f1")).toEqual([
      {
        id: JSON.stringify(["clean"]),
        key: ["clean"],
        upstream: [["raw"]],
        isPartitioned: false,
        freshnessPolicy: null,
        codeVersion: "1",
        partitions: null,
      },
    ]);
    expect(store.definitions("prod", "analytics", "f2")?.[0]?.codeVersion).toBe("2");
    store.close();
  });
});

describe("the deploy store's change mark", () => {
  it("moves on a new event or annotation, not on a poll that records nothing", async () => {
    const store = new SqliteDeployStore(":memory:");
    const recorder = new DeployRecorder(store);
    const marks = [store.changeMark()];
    await recorder.record(loc({}), 1_000);
    marks.push(store.changeMark());
    // A restart: same fingerprint, new versionKey; no event.
    await recorder.record(loc({ versionKey: "k2" }), 2_000);
    marks.push(store.changeMark());
    await store.annotate({
      location: "analytics",
      environment: "prod",
      commit: "abc",
      author: null,
      prUrl: null,
      message: null,
      at: 3_000,
    });
    marks.push(store.changeMark());
    expect(new Set(marks).size).toBe(3);
    expect(marks[1]).toBe(marks[2]);
    store.close();
  });
});
