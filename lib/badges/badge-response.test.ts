import { describe, expect, it } from "vitest";
import { type AccessPolicy, OPEN_ACCESS } from "@/lib/security/access-control";
import { badgeResponse } from "./badge-response";
import type { BadgeResult } from "./get-badge";

const result: BadgeResult = {
  status: 200,
  badge: { label: "ml", message: "healthy", color: "healthy" },
  refreshSeconds: 30,
};
const basic: AccessPolicy = {
  basic: { user: "oncall", password: "long-enough" },
  trustedUserHeader: null,
  publicBadges: false,
};
const proxied: AccessPolicy = {
  basic: null,
  trustedUserHeader: "x-forwarded-user",
  publicBadges: false,
};

const cacheControl = (access: AccessPolicy, request = new Request("http://hb/badge/team/ml.svg")) =>
  badgeResponse(request, result, "flat", access).headers.get("cache-control") ?? "";

describe("badgeResponse caching", () => {
  it("lets shared caches keep a badge only when badges are public", () => {
    expect(cacheControl(OPEN_ACCESS)).toMatch(/^public, /);
    expect(cacheControl({ ...basic, publicBadges: true })).toMatch(/^public, /);
  });

  it("keeps a badge out of shared caches behind access control", () => {
    for (const access of [basic, proxied]) {
      const value = cacheControl(access);
      expect(value).toMatch(/^private, /);
      expect(value).not.toContain("public");
    }
  });

  it("stays private on a 304 revalidation", () => {
    const first = badgeResponse(new Request("http://hb/b.svg"), result, "flat", basic);
    const etag = first.headers.get("etag") as string;
    const again = badgeResponse(
      new Request("http://hb/b.svg", { headers: { "if-none-match": etag } }),
      result,
      "flat",
      basic,
    );
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toMatch(/^private, /);
  });
});
