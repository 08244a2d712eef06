import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  acceptsGzipJson,
  compressedJsonRequestHeaders,
  GZIP_JSON_TYPE,
  readJson,
} from "./compressed-json";

describe("acceptsGzipJson", () => {
  it("is true only when Accept names the gzip type with a non-zero q", () => {
    expect(acceptsGzipJson(GZIP_JSON_TYPE)).toBe(true);
    expect(acceptsGzipJson(`application/json;q=0.9, ${GZIP_JSON_TYPE}`)).toBe(true);
    expect(acceptsGzipJson(`${GZIP_JSON_TYPE.toUpperCase()} ; q=0.5`)).toBe(true);
    expect(acceptsGzipJson(`${GZIP_JSON_TYPE};q=0`)).toBe(false);
    expect(acceptsGzipJson("*/*")).toBe(false);
    expect(acceptsGzipJson("application/json")).toBe(false);
    expect(acceptsGzipJson(null)).toBe(false);
  });
});

describe("the browser's side", () => {
  it("asks for the gzip type where DecompressionStream exists, JSON still acceptable", () => {
    const accept = compressedJsonRequestHeaders().accept ?? null;
    expect(acceptsGzipJson(accept)).toBe(true);
    expect(accept).toContain("application/json");
  });

  it("reads either representation into the same value", async () => {
    const value = { keys: [["a", "b"]], n: 1 };
    const text = JSON.stringify(value);
    const gz = new Response(new Uint8Array(gzipSync(text)), {
      headers: { "content-type": GZIP_JSON_TYPE },
    });
    const plain = new Response(text, { headers: { "content-type": "application/json" } });
    expect(await readJson(gz)).toEqual(value);
    expect(await readJson(plain)).toEqual(value);
  });
});
