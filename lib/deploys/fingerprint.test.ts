import { describe, expect, it } from "vitest";
import {
  displayVersion,
  type FingerprintAsset,
  humanVersion,
  locationFingerprint,
} from "./fingerprint";

const asset = (key: string, extra: Partial<FingerprintAsset> = {}): FingerprintAsset => ({
  key: [key],
  dependencies: [
    ["up", "x"],
    ["up", "y"],
  ],
  group: "default",
  description: null,
  kinds: ["python", "duckdb"],
  owners: ["team:ml"],
  tags: [
    { key: "team", value: "ml" },
    { key: "tier", value: "1" },
  ],
  jobNames: [],
  codeVersion: null,
  partitions: null,
  freshnessPolicy: { kind: "time-window", failWindowSeconds: 60, warnWindowSeconds: null },
  checks: ["a", "b"],
  isMaterializable: true,
  isObservable: false,
  ...extra,
});

describe("locationFingerprint", () => {
  it("is the same for the same definitions listed in another order", () => {
    const one = locationFingerprint({
      displayMetadata: [
        { key: "module_name", value: "ml" },
        { key: "image", value: "ml:1" },
      ],
      assets: [asset("a"), asset("b")],
    });
    const two = locationFingerprint({
      displayMetadata: [
        { key: "image", value: "ml:1" },
        { key: "module_name", value: "ml" },
      ],
      assets: [
        asset("b", { kinds: ["duckdb", "python"], checks: ["b", "a"] }),
        asset("a", {
          dependencies: [
            ["up", "y"],
            ["up", "x"],
          ],
          tags: [
            { key: "tier", value: "1" },
            { key: "team", value: "ml" },
          ],
        }),
      ],
    });
    expect(two).toBe(one);
  });

  it("tells apart key paths that join to the same string", () => {
    const slash = locationFingerprint({ displayMetadata: [], assets: [asset("a/b")] });
    const split = locationFingerprint({
      displayMetadata: [],
      assets: [{ ...asset("a"), key: ["a", "b"] }],
    });
    expect(slash).not.toBe(split);
  });

  it("changes when an asset is added, a dependency moves or the commit changes", () => {
    const base = { displayMetadata: [{ key: "commit_hash", value: "1" }], assets: [asset("a")] };
    const prints = [
      locationFingerprint(base),
      locationFingerprint({ ...base, assets: [asset("a"), asset("b")] }),
      locationFingerprint({ ...base, assets: [asset("a", { dependencies: [["up", "x"]] })] }),
      locationFingerprint({ ...base, displayMetadata: [{ key: "commit_hash", value: "2" }] }),
      locationFingerprint({ ...base, assets: [asset("a", { owners: ["team:bi"] })] }),
    ];
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe("displayVersion / humanVersion", () => {
  it("prefers the commit, then the image tag or digest, then the fingerprint", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    expect(
      displayVersion([
        { key: "image", value: "reg.io/ml:2.1" },
        { key: "commit_hash", value: sha },
      ]),
    ).toBe("0123456789ab");
    expect(displayVersion([{ key: "image", value: "reg.io:5000/team/ml:2.1" }])).toBe("2.1");
    expect(displayVersion([{ key: "image", value: "reg.io:5000/team/ml" }])).toBe(
      "reg.io:5000/team/ml",
    );
    expect(displayVersion([{ key: "image", value: `ml@sha256:${"f".repeat(64)}` }])).toBe(
      "sha256:ffffffffffff",
    );
    expect(displayVersion([{ key: "module_name", value: "ml.definitions" }])).toBeNull();
    expect(humanVersion([], "abcdef0123456789")).toBe("abcdef0123");
    expect(humanVersion([], null)).toBeNull();
  });
});
