import { describe, expect, it } from "vitest";
import { snapshotJson } from "./json-response";

const req = (headers: Record<string, string> = {}) => new Request("http://x/api", { headers });

describe("snapshotJson", () => {
  it("answers 304 to a matching ETag and re-encodes only when the generation moves", async () => {
    let builds = 0;
    const build = () => {
      builds++;
      return { rows: Array.from({ length: 2_000 }, (_, i) => ({ i, name: `asset_${i}` })) };
    };
    const first = snapshotJson(req(), "k", "g1", build);
    const etag = first.headers.get("etag") as string;
    expect(first.status).toBe(200);
    expect((await first.json()).rows).toHaveLength(2_000);

    expect(snapshotJson(req({ "if-none-match": etag }), "k", "g1", build).status).toBe(304);
    expect(builds).toBe(1);

    const next = snapshotJson(req({ "if-none-match": etag }), "k", "g2", () => ({ rows: [] }));
    expect(next.status).toBe(200);
    expect(next.headers.get("etag")).not.toBe(etag);
  });
});
