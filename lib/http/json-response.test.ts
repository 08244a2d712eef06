import { gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { GZIP_JSON_TYPE, readJson } from "./compressed-json";
import { snapshotJson } from "./json-response";

// Counts compressions: the gzip representation must be made once per generation.
const gzipCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:zlib", async (importOriginal) => {
  const zlib = await importOriginal<typeof import("node:zlib")>();
  const gzip = (...args: Parameters<typeof zlib.gzip>) => {
    gzipCalls.count++;
    return zlib.gzip(...args);
  };
  return { ...zlib, default: { ...zlib, gzip }, gzip };
});

const req = (headers: Record<string, string> = {}) => new Request("http://x/api", { headers });
const GZ = { accept: `${GZIP_JSON_TYPE}, application/json;q=0.9` };

describe("snapshotJson", () => {
  it("answers 304 to a matching ETag and re-encodes only when the generation moves", async () => {
    let builds = 0;
    const build = () => {
      builds++;
      return { rows: Array.from({ length: 2_000 }, (_, i) => ({ i, name: `asset_${i}` })) };
    };
    const first = await snapshotJson(req(), "k", "g1", build);
    const etag = first.headers.get("etag") as string;
    expect(first.status).toBe(200);
    expect((await first.json()).rows).toHaveLength(2_000);

    expect((await snapshotJson(req({ "if-none-match": etag }), "k", "g1", build)).status).toBe(304);
    expect(builds).toBe(1);

    const next = await snapshotJson(req({ "if-none-match": etag }), "k", "g2", () => ({
      rows: [],
    }));
    expect(next.status).toBe(200);
    expect(next.headers.get("etag")).not.toBe(etag);
  });

  it("sends the JSON gzipped once per generation to every request that asks for it", async () => {
    const value = { rows: Array.from({ length: 5_000 }, (_, i) => [`asset_${i}`, i % 7]) };
    const build = () => value;
    const plain = await snapshotJson(req(), "gz", "g1", build);
    const text = await plain.text();
    expect(plain.headers.get("content-type")).toBe("application/json; charset=utf-8");
    // The same URL answers by Accept, so a browser cache must keep the two apart.
    expect(plain.headers.get("vary")).toBe("accept, accept-encoding");

    const before = gzipCalls.count;
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => snapshotJson(req(GZ), "gz", "g1", build)),
    );
    expect(gzipCalls.count - before).toBe(1);
    const [gz, other] = burst as [Response, Response];
    expect(gz.status).toBe(200);
    expect(gz.headers.get("content-type")).toBe(GZIP_JSON_TYPE);
    expect(gz.headers.get("vary")).toBe("accept, accept-encoding");
    // no-transform: Next's compression must not gzip the gzip bytes again.
    expect(gz.headers.get("cache-control")).toMatch(/, no-transform$/);
    const bytes = Buffer.from(await gz.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 4);
    expect(gunzipSync(bytes).toString("utf8")).toBe(text);
    // A different representation has a different strong ETag, the same for every request.
    const tag = gz.headers.get("etag") as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(tag).not.toBe(plain.headers.get("etag"));
    expect(new Set(burst.map((r) => r.headers.get("etag")))).toEqual(new Set([tag]));
    // What the browser does with it.
    expect(await readJson(other)).toEqual(value);

    const revalidated = await snapshotJson(req({ ...GZ, "if-none-match": tag }), "gz", "g1", build);
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(tag);
    expect(revalidated.headers.get("content-type")).toBe(GZIP_JSON_TYPE);
    // The plain body's tag does not validate the gzip body, nor the other way round.
    const plainTag = plain.headers.get("etag") as string;
    expect(
      (await snapshotJson(req({ ...GZ, "if-none-match": plainTag }), "gz", "g1", build)).status,
    ).toBe(200);
    expect((await snapshotJson(req({ "if-none-match": tag }), "gz", "g1", build)).status).toBe(200);
    expect(gzipCalls.count - before).toBe(1);

    const moved = await snapshotJson(req({ ...GZ, "if-none-match": tag }), "gz", "g2", () => ({
      rows: [],
    }));
    expect(moved.status).toBe(200);
    expect(await readJson(moved)).toEqual({ rows: [] });
    expect(gzipCalls.count - before).toBe(2);
  });

  it("sends plain JSON when the gzip type is refused or not named", async () => {
    const build = () => ({ ok: true });
    for (const accept of [`${GZIP_JSON_TYPE};q=0`, "application/json", "*/*"]) {
      const res = await snapshotJson(req({ accept }), "plain", "g1", build);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await res.json()).toEqual({ ok: true });
    }
  });
  it("lets ?format= decide over Accept, shares the one gzip body, and answers 400 to a bad one", async () => {
    const build = () => ({ keys: [["a"]] });
    const at = (query: string, headers: Record<string, string> = {}) =>
      snapshotJson(new Request(`http://x/api/v1/graph?${query}`, { headers }), "fmt", "g1", build);
    const before = gzipCalls.count;
    const byUrl = await at("format=gzip", { accept: "*/*" });
    expect(byUrl.headers.get("content-type")).toBe(GZIP_JSON_TYPE);
    // Nothing else decides: a preload's Accept differs from the fetch that takes its answer.
    expect(byUrl.headers.get("vary")).toBe("accept-encoding");
    const byUrlBytes = Buffer.from(await byUrl.arrayBuffer());
    expect(JSON.parse(gunzipSync(byUrlBytes).toString("utf8"))).toEqual(build());
    const byAccept = await at("env=prod", GZ);
    expect(Buffer.from(await byAccept.arrayBuffer()).equals(byUrlBytes)).toBe(true);
    expect(gzipCalls.count - before).toBe(1);
    const json = await at("format=json", GZ);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await json.json()).toEqual(build());
    const bad = await at("format=brotli");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^format: /);
  });
});
