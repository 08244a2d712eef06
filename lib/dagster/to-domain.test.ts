import { describe, expect, it } from "vitest";
import type { AssetDefinitionFragment, AssetFingerprintFragment } from "./generated/graphql";
import { toLocationSnapshot } from "./to-domain";

type Node = AssetDefinitionFragment & AssetFingerprintFragment;

function node(path: string[], extra: Partial<Node> = {}): Node {
  return {
    __typename: "AssetNode",
    id: `loc.__repository__.${JSON.stringify(path)}`,
    assetKey: { __typename: "AssetKey", path },
    description: null,
    groupName: "default",
    kinds: ["python"],
    owners: [
      { __typename: "TeamAssetOwner", team: "ml" },
      { __typename: "UserAssetOwner", email: "dana@example.com" },
    ],
    dependencyKeys: [{ __typename: "AssetKey", path: ["upstream", "a/b"] }],
    dependedByKeys: [],
    jobNames: ["job"],
    opNames: ["graph.op"],
    isMaterializable: true,
    isObservable: false,
    isExecutable: true,
    isPartitioned: false,
    hasAssetChecks: true,
    isAutoCreatedStub: false,
    internalFreshnessPolicy: {
      __typename: "TimeWindowFreshnessPolicy",
      failWindowSeconds: 3600,
      warnWindowSeconds: null,
    },
    opVersion: null,
    tags: [{ __typename: "DefinitionTag", key: "team", value: "ml" }],
    partitionDefinition: null,
    assetChecksOrError: {
      __typename: "AssetChecks",
      checks: [{ __typename: "AssetCheck", name: "not_empty" }],
    },
    ...extra,
  };
}

describe("toLocationSnapshot", () => {
  it("reshapes a loaded location, dropping auto-created stubs and converting seconds", () => {
    const snap = toLocationSnapshot("prod", {
      __typename: "WorkspaceLocationEntry",
      id: "ml",
      name: "ml-platform",
      loadStatus: "LOADED",
      updatedTimestamp: 1_700_000_000.25,
      versionKey: "v9",
      displayMetadata: [],
      locationOrLoadError: {
        __typename: "RepositoryLocation",
        id: "ml",
        name: "ml-platform",
        repositories: [
          {
            __typename: "Repository",
            id: "r",
            name: "__repository__",
            assetNodes: [
              node(["ml", "features"]),
              node(["upstream", "a/b"], { isAutoCreatedStub: true }),
              node(["external", "spec"], {
                isMaterializable: false,
                isObservable: false,
                isExecutable: false,
              }),
            ],
          },
        ],
      },
    });
    expect(snap.status).toBe("loaded");
    expect(snap.updatedAt).toBe(1_700_000_000_250);
    expect(snap.assets).toHaveLength(2);
    // An external AssetSpec is kept (it carries lineage) and says it cannot run here.
    expect(snap.assets[1]).toMatchObject({
      isMaterializable: false,
      isObservable: false,
      isExecutable: false,
    });
    expect(snap.assets[0]).toMatchObject({
      id: '["ml","features"]',
      key: ["ml", "features"],
      location: "ml-platform",
      owners: [
        { kind: "team", team: "ml" },
        { kind: "user", email: "dana@example.com" },
      ],
      upstream: [["upstream", "a/b"]],
      freshnessPolicy: { kind: "time-window", failWindowSeconds: 3600, warnWindowSeconds: null },
      isMaterializable: true,
      isObservable: false,
      isExecutable: true,
    });
  });

  it("reports a PythonError load failure as failed with its message", () => {
    const snap = toLocationSnapshot("prod", {
      __typename: "WorkspaceLocationEntry",
      id: "ml",
      name: "ml-platform",
      loadStatus: "LOADED",
      updatedTimestamp: 1,
      versionKey: "v2",
      displayMetadata: [{ __typename: "RepositoryMetadata", key: "commit_hash", value: "abc123" }],
      locationOrLoadError: {
        __typename: "PythonError",
        message:
          "DagsterUserCodeLoadError: Error occurred during the loading of Dagster definitions\n",
        className: "DagsterUserCodeLoadError",
        errorChain: [
          {
            __typename: "ErrorChainLink",
            isExplicitLink: true,
            error: {
              __typename: "PythonError",
              message: "RuntimeError: broken on purpose\n",
              className: "RuntimeError",
            },
          },
        ],
      },
    });
    expect(snap).toMatchObject({
      status: "failed",
      error: {
        message:
          "RuntimeError: broken on purpose\n\nDagsterUserCodeLoadError: Error occurred during the loading of Dagster definitions",
        className: "RuntimeError",
      },
      assets: [],
      // Nothing to hash, but the commit is still known.
      fingerprint: null,
      version: "abc123",
    });
  });
});

describe("toLocationSnapshot fingerprint", () => {
  function entry(
    versionKey: string,
    nodes: Node[],
    displayMetadata: { key: string; value: string }[] = [],
  ) {
    return toLocationSnapshot("prod", {
      __typename: "WorkspaceLocationEntry",
      id: "ml",
      name: "ml-platform",
      loadStatus: "LOADED",
      updatedTimestamp: 1,
      versionKey,
      displayMetadata: displayMetadata.map((m) => ({ __typename: "RepositoryMetadata", ...m })),
      locationOrLoadError: {
        __typename: "RepositoryLocation",
        id: "ml",
        name: "ml-platform",
        repositories: [
          { __typename: "Repository", id: "r", name: "__repository__", assetNodes: nodes },
        ],
      },
    });
  }

  it("ignores the versionKey, stubs and the order Dagster lists assets in", () => {
    const a = entry("server-1", [node(["a"]), node(["b"])]);
    const b = entry("server-2", [
      node(["b"]),
      node(["stub"], { isAutoCreatedStub: true, opVersion: "x" }),
      node(["a"]),
    ]);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(a.version).toBe(a.fingerprint?.slice(0, 10));
  });

  it("changes with a code version, a tag, a check, the partitions or the image", () => {
    const base = entry("k", [node(["a"])]).fingerprint;
    const variants: Partial<Node>[] = [
      { opVersion: "2" },
      { tags: [{ __typename: "DefinitionTag", key: "team", value: "ml2" }] },
      { assetChecksOrError: { __typename: "AssetChecks", checks: [] } },
      {
        partitionDefinition: {
          __typename: "PartitionDefinition",
          type: "TIME_WINDOW",
          description: "Daily",
        },
      },
      { internalFreshnessPolicy: null },
    ];
    const prints = variants.map((v) => entry("k", [node(["a"], v)]).fingerprint);
    prints.push(entry("k", [node(["a"])], [{ key: "image", value: "repo/ml:2.0" }]).fingerprint);
    expect(new Set([base, ...prints]).size).toBe(prints.length + 1);
    expect(entry("k", [node(["a"])], [{ key: "image", value: "repo/ml:2.0" }]).version).toBe("2.0");
  });
});
