import { describe, expect, it } from "vitest";
import { badgeCacheControl, svgResponse } from "./svg-response";

const req = (inm?: string) =>
  new Request("http://x/badge", { headers: inm ? { "if-none-match": inm } : {} });

describe("svgResponse", () => {
  it("serves SVG with a strong ETag and revalidates to a 304", async () => {
    const ok = svgResponse(req(), "<svg/>", { status: 200, cacheControl: badgeCacheControl(30) });
    expect(ok.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=120");
    const etag = ok.headers.get("etag") as string;
    expect(etag).toMatch(/^"/);
    const again = svgResponse(req(etag), "<svg/>", { status: 200, cacheControl: "x" });
    expect(again.status).toBe(304);
  });

  it("never turns an error badge into a 304, and sends it without an ETag", async () => {
    const ok = svgResponse(req(), "<svg/>", { status: 200, cacheControl: "x" });
    const etag = ok.headers.get("etag") as string;
    const missing = svgResponse(req(etag), "<svg/>", { status: 404, cacheControl: "no-store" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
    expect(await missing.text()).toBe("<svg/>");
  });

  it("keeps max-age at least a second and stale-while-revalidate at least a minute", () => {
    expect(badgeCacheControl(0.2)).toBe("public, max-age=1, stale-while-revalidate=60");
    expect(badgeCacheControl(5)).toBe("public, max-age=5, stale-while-revalidate=60");
  });
});
