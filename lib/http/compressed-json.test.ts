import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  acceptsGzipJson,
  compressedJsonRequestHeaders,
  formatParam,
  GZIP_JSON_TYPE,
  gzipJsonHref,
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

describe("formatParam", () => {
  it("reads json or gzip once, none as null, and names the parameter otherwise", () => {
    expect(formatParam("/api/v1/graph")).toEqual({ ok: true, value: null });
    expect(formatParam("/api/v1/graph?env=prod&format=gzip")).toEqual({ ok: true, value: "gzip" });
    expect(formatParam("http://h/api/v1/graph?format=json")).toEqual({ ok: true, value: "json" });
    for (const bad of ["format=zip", "format=", "format=GZIP", "format=gzip&format=gzip"]) {
      const parsed = formatParam(`/api/v1/graph?${bad}`);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^format: /);
    }
  });
});

describe("the browser's side", () => {
  it("names the gzip representation in a URL, after any query it has", () => {
    expect(gzipJsonHref("/api/v1/graph")).toBe("/api/v1/graph?format=gzip");
    expect(gzipJsonHref("/api/v1/graph?env=staging")).toBe("/api/v1/graph?env=staging&format=gzip");
    expect(formatParam(gzipJsonHref("/x?env=a")).ok).toBe(true);
  });

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
