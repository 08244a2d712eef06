import { describe, expect, it } from "vitest";
import type { AssetDefinitionFragment } from "./generated/graphql";
import { toLocationSnapshot } from "./to-domain";

function node(
  path: string[],
  extra: Partial<AssetDefinitionFragment> = {},
): AssetDefinitionFragment {
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
    isPartitioned: false,
    hasAssetChecks: true,
    isAutoCreatedStub: false,
    internalFreshnessPolicy: {
      __typename: "TimeWindowFreshnessPolicy",
      failWindowSeconds: 3600,
      warnWindowSeconds: null,
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
            ],
          },
        ],
      },
    });
    expect(snap.status).toBe("loaded");
    expect(snap.updatedAt).toBe(1_700_000_000_250);
    expect(snap.assets).toHaveLength(1);
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
    });
  });
});
