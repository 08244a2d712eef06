import { describe, expect, it } from "vitest";
import { encodeBody, matchesEtag, respondWithEtag } from "./etag";

const req = (inm?: string) =>
  new Request("http://x/", { headers: inm ? { "if-none-match": inm } : {} });

describe("respondWithEtag", () => {
  it("gives equal bodies equal strong ETags and different bodies different ones", () => {
    expect(encodeBody("<svg/>").etag).toBe(encodeBody("<svg/>").etag);
    expect(encodeBody("<svg/>").etag).not.toBe(encodeBody("<svg />").etag);
    expect(encodeBody("x").etag).toMatch(/^"[\w-]+"$/);
  });

  it("answers 304 with the same validators and headers when the client holds the body", async () => {
    const encoded = encodeBody("<svg/>");
    const headers = { "content-type": "image/svg+xml", "cache-control": "public, max-age=5" };
    const full = respondWithEtag(req(), encoded, headers);
    expect(full.status).toBe(200);
    expect(await full.text()).toBe("<svg/>");
    const cached = respondWithEtag(req(`"other", ${encoded.etag}`), encoded, headers);
    expect(cached.status).toBe(304);
    expect(cached.headers.get("etag")).toBe(encoded.etag);
    expect(cached.headers.get("cache-control")).toBe("public, max-age=5");
    expect(await cached.text()).toBe("");
  });

  it("matches weak forms and *, and nothing else", () => {
    const { etag } = encodeBody("a");
    expect(matchesEtag(req(`W/${etag}`), etag)).toBe(true);
    expect(matchesEtag(req("*"), etag)).toBe(true);
    expect(matchesEtag(req('"nope"'), etag)).toBe(false);
    expect(matchesEtag(req(), etag)).toBe(false);
  });
});
