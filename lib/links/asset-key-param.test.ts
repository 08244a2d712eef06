import { describe, expect, it } from "vitest";
import { parseKeyParam, resolveKeyParam } from "./asset-key-param";

const id = (...parts: string[]) => JSON.stringify(parts);

describe("asset key parameters", () => {
  // The demo's keys, plus a single-part key that holds a slash.
  const keys = new Set([
    id("recommendation_model"),
    id("ml", "product_embeddings"),
    id("a/b"),
    id("a", "b"),
  ]);
  const exists = (k: string) => keys.has(k);

  it("reads the README's three forms as the same keys", () => {
    expect(resolveKeyParam("recommendation_model", exists)).toBe(id("recommendation_model"));
    expect(resolveKeyParam("ml/product_embeddings", exists)).toBe(id("ml", "product_embeddings"));
    expect(resolveKeyParam('["ml","product_embeddings"]', exists)).toBe(
      id("ml", "product_embeddings"),
    );
    expect(resolveKeyParam('["recommendation_model"]', exists)).toBe(id("recommendation_model"));
  });

  it("prefers an existing single-part key over splitting on /, and the JSON form is exact", () => {
    expect(resolveKeyParam("a/b", exists)).toBe(id("a/b"));
    expect(resolveKeyParam('["a","b"]', exists)).toBe(id("a", "b"));
    // Without the single-part key, the split wins.
    expect(resolveKeyParam("a/b", (k) => k === id("a", "b"))).toBe(id("a", "b"));
  });

  it("names the most preferred key when none exists, so the page can say it was not found", () => {
    expect(resolveKeyParam("ml/nope", exists)).toBe(id("ml/nope"));
    expect(resolveKeyParam('["nope"]', exists)).toBe(id("nope"));
  });

  it("refuses malformed input instead of guessing", () => {
    for (const bad of ["", "[", "[]", "[1]", '[""]', '["a",2]', "[".repeat(6_000)]) {
      expect(parseKeyParam(bad).ok, bad.slice(0, 20)).toBe(false);
      expect(resolveKeyParam(bad, exists)).toBeNull();
    }
    expect(parseKeyParam(null).ok).toBe(false);
    expect(parseKeyParam(JSON.stringify(Array.from({ length: 51 }, (_, i) => `k${i}`))).ok).toBe(
      false,
    );
  });

  it("does not split into empty parts, but keeps the plain reading", () => {
    expect(parseKeyParam("a//b")).toEqual({ ok: true, candidates: [["a//b"]] });
    expect(parseKeyParam("/a")).toEqual({ ok: true, candidates: [["/a"]] });
  });
});
