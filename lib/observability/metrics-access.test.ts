import { describe, expect, it } from "vitest";
import { type AccessPolicy, OPEN_ACCESS } from "@/lib/security/access-control";
import { decideMetricsAccess, metricsToken } from "./metrics-access";
import { metricsSchema } from "./metrics-config";

const TOKEN = "scrape-token-4c1d";
const BASIC: AccessPolicy = { ...OPEN_ACCESS, basic: { user: "ops", password: "correct-horse" } };
const PROXY: AccessPolicy = { ...OPEN_ACCESS, trustedUserHeader: "x-forwarded-user" };

const headers =
  (h: Record<string, string>) =>
  (name: string): string | null =>
    h[name] ?? null;
const basicAuth = `Basic ${btoa("ops:correct-horse")}`;
const withToken = metricsToken({ tokenEnv: "METRICS_TOKEN", freshnessLag: [] }, () => TOKEN);

describe("decideMetricsAccess", () => {
  it("without a token follows the access control of every route", () => {
    const none = metricsToken(metricsSchema.parse({}), () => TOKEN);
    expect(decideMetricsAccess(OPEN_ACCESS, none, headers({})).allowed).toBe(true);
    expect(decideMetricsAccess(BASIC, none, headers({})).allowed).toBe(false);
    expect(decideMetricsAccess(BASIC, none, headers({ authorization: basicAuth })).allowed).toBe(
      true,
    );
  });

  it("with a token, an open Healthboard refuses scrapers without it", () => {
    const refused = decideMetricsAccess(OPEN_ACCESS, withToken, headers({}));
    expect(refused).toMatchObject({ allowed: false, status: 401 });
    const wrong = headers({ authorization: "Bearer scrape-token-4c1e" });
    expect(decideMetricsAccess(OPEN_ACCESS, withToken, wrong).allowed).toBe(false);
    const right = headers({ authorization: `Bearer ${TOKEN}` });
    expect(decideMetricsAccess(OPEN_ACCESS, withToken, right).allowed).toBe(true);
  });

  it("lets a scraper in with the token where people sign in, and signed-in people too", () => {
    const bearer = headers({ authorization: `bearer ${TOKEN}` });
    expect(decideMetricsAccess(BASIC, withToken, bearer).allowed).toBe(true);
    expect(decideMetricsAccess(PROXY, withToken, bearer).allowed).toBe(true);
    expect(
      decideMetricsAccess(BASIC, withToken, headers({ authorization: basicAuth })).allowed,
    ).toBe(true);
    expect(
      decideMetricsAccess(PROXY, withToken, headers({ "x-forwarded-user": "ann" })).allowed,
    ).toBe(true);
    expect(decideMetricsAccess(PROXY, withToken, headers({})).allowed).toBe(false);
  });

  it("refuses every scrape while the named variable is unset, naming it", () => {
    const unset = metricsToken({ tokenEnv: "METRICS_TOKEN", freshnessLag: [] }, () => undefined);
    const d = decideMetricsAccess(OPEN_ACCESS, unset, headers({ authorization: "Bearer " }));
    expect(d).toMatchObject({ allowed: false, status: 503 });
    expect(d.allowed ? "" : d.message).toContain("METRICS_TOKEN");
  });
});

describe("metricsSchema", () => {
  it("names the field of a bad token variable", () => {
    const r = metricsSchema.safeParse({ tokenEnv: "not a name" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["tokenEnv"]);
  });

  it("splits string keys on / and bounds the opted-in assets", () => {
    expect(metricsSchema.parse({ freshnessLag: [{ key: "a/b" }] }).freshnessLag[0]?.key).toEqual([
      "a",
      "b",
    ]);
    const many = Array.from({ length: 101 }, (_, i) => ({ key: `k${i}` }));
    expect(metricsSchema.safeParse({ freshnessLag: many }).success).toBe(false);
  });
});
