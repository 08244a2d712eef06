import { describe, expect, it } from "vitest";
import { type AccessPolicy, badgesArePublic, decideAccess, OPEN_ACCESS } from "./access-control";

const basic: AccessPolicy = {
  basic: { user: "oncall", password: "s3cret-pässword" },
  trustedUserHeader: null,
  publicBadges: false,
};
const headers =
  (h: Record<string, string>) =>
  (name: string): string | null =>
    h[name] ?? null;
const auth = (s: string) => `Basic ${Buffer.from(s, "utf8").toString("base64")}`;

describe("decideAccess", () => {
  it("lets everything through when no access control is configured", () => {
    expect(decideAccess(OPEN_ACCESS, "/", headers({})).allowed).toBe(true);
  });

  it("asks for basic credentials and accepts only the configured ones", () => {
    const none = decideAccess(basic, "/teams/ml", headers({}));
    expect(none.allowed).toBe(false);
    if (!none.allowed) {
      expect(none.status).toBe(401);
      expect(none.headers["WWW-Authenticate"]).toContain("Basic");
    }
    const ok = headers({ authorization: auth("oncall:s3cret-pässword") });
    expect(decideAccess(basic, "/teams/ml", ok).allowed).toBe(true);
    for (const wrong of ["oncall:s3cret-passwor", "oncall:", ":s3cret-pässword", "x:y:z"]) {
      expect(decideAccess(basic, "/", headers({ authorization: auth(wrong) })).allowed).toBe(false);
    }
    for (const junk of ["Bearer abc", "Basic !!!", "Basic ", `Basic ${"A".repeat(5000)}`]) {
      expect(decideAccess(basic, "/", headers({ authorization: junk })).allowed).toBe(false);
    }
  });

  it("trusts a reverse proxy's user header when configured", () => {
    const policy: AccessPolicy = { ...OPEN_ACCESS, trustedUserHeader: "x-forwarded-user" };
    expect(decideAccess(policy, "/", headers({})).allowed).toBe(false);
    expect(decideAccess(policy, "/", headers({ "x-forwarded-user": "  " })).allowed).toBe(false);
    expect(decideAccess(policy, "/", headers({ "x-forwarded-user": "ada" })).allowed).toBe(true);
  });

  it("lets the load balancer's health probe through, and nothing beside it", () => {
    expect(decideAccess(basic, "/api/health", headers({})).allowed).toBe(true);
    expect(decideAccess(basic, "/api/healthz", headers({})).allowed).toBe(false);
    expect(decideAccess(basic, "/api/health/x", headers({})).allowed).toBe(false);
  });

  it("keeps badges public only when asked to", () => {
    expect(decideAccess(basic, "/badge/team/ml.svg", headers({})).allowed).toBe(false);
    const open = { ...basic, publicBadges: true };
    expect(decideAccess(open, "/badge/team/ml.svg", headers({})).allowed).toBe(true);
    expect(decideAccess(open, "/embed/teams/ml/freshness", headers({})).allowed).toBe(false);
  });
});

describe("badgesArePublic", () => {
  it("is true without access control or with HEALTHBOARD_PUBLIC_BADGES, false otherwise", () => {
    expect(badgesArePublic(OPEN_ACCESS)).toBe(true);
    expect(badgesArePublic(basic)).toBe(false);
    expect(badgesArePublic({ ...basic, publicBadges: true })).toBe(true);
    expect(badgesArePublic({ basic: null, trustedUserHeader: "x-user", publicBadges: false })).toBe(
      false,
    );
  });
});
