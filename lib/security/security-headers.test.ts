import { describe, expect, it } from "vitest";
import { routeKind, securityHeaders } from "./security-headers";

const base = { nonce: "abc123", frameAncestors: ["https://wiki.example.com"], dev: false };

describe("securityHeaders", () => {
  it("forbids framing of pages, APIs and badges", () => {
    for (const pathname of ["/", "/teams/ml", "/api/v1/graph", "/badge/team/ml.svg", "/embedded"]) {
      const h = securityHeaders({ ...base, pathname });
      expect(h["X-Frame-Options"], pathname).toBe("DENY");
      expect(h["Content-Security-Policy"], pathname).toContain("frame-ancestors 'none'");
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    }
  });

  it("lets only the configured origins (and Healthboard itself) frame embeds", () => {
    const h = securityHeaders({ ...base, pathname: "/embed/teams/ml/freshness" });
    expect(h["X-Frame-Options"]).toBeUndefined();
    expect(h["Content-Security-Policy"]).toContain(
      "frame-ancestors 'self' https://wiki.example.com",
    );
    const none = securityHeaders({ ...base, frameAncestors: [], pathname: "/embed/lineage" });
    expect(none["Content-Security-Policy"]).toMatch(/frame-ancestors 'self'(;|$)/);
  });

  it("allows scripts only with the request's nonce, and eval only in development", () => {
    const prod = securityHeaders({ ...base, pathname: "/" })["Content-Security-Policy"];
    expect(prod).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).toContain("object-src 'none'");
    const dev = securityHeaders({ ...base, dev: true, pathname: "/" })["Content-Security-Policy"];
    expect(dev).toContain("'unsafe-eval'");
  });

  it("gives non-documents a policy that runs nothing", () => {
    for (const pathname of [
      "/api/v1/overview",
      "/badge/team/ml.svg",
      "/_next/static/chunks/a.js",
    ]) {
      expect(securityHeaders({ ...base, pathname })["Content-Security-Policy"]).toMatch(
        /^default-src 'none'/,
      );
    }
  });

  it("classifies routes by their first segment only", () => {
    expect(routeKind("/embed")).toBe("embed");
    expect(routeKind("/embedx")).toBe("page");
    expect(routeKind("/teams/embed/x")).toBe("page");
    expect(routeKind("/api/v1/teams/ml")).toBe("api");
  });
});
