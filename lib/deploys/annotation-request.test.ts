import { describe, expect, it } from "vitest";
import { type AnnotationContext, handleAnnotation, tokenMatches } from "./annotation-request";
import type { DeployAnnotation } from "./deploy-types";

const TOKEN = "ci-token-4b1d";
const body = {
  location: "analytics-team",
  environment: "prod",
  commit: "abc1234",
  author: "alice",
  prUrl: "https://github.com/acme/analytics/pull/12",
  message: "Rename orders summary",
};

function post(payload: unknown, auth: string | null = `Bearer ${TOKEN}`) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth !== null) headers.authorization = auth;
  return new Request("http://hb/api/v1/deploys", {
    method: "POST",
    headers,
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

function context(token: string | undefined) {
  const recorded: DeployAnnotation[] = [];
  const ctx: AnnotationContext = {
    token,
    environments: ["prod", "staging"],
    record: async (a) => {
      recorded.push(a);
    },
    now: 1_000,
  };
  return { ctx, recorded };
}

describe("handleAnnotation", () => {
  it("records a valid annotation with the receive time", async () => {
    const { ctx, recorded } = context(TOKEN);
    const res = await handleAnnotation(post(body), ctx);
    expect(res.status).toBe(201);
    expect(recorded).toEqual([{ ...body, at: 1_000 }]);
  });

  it("does not exist without a configured token", async () => {
    const { ctx, recorded } = context(undefined);
    expect((await handleAnnotation(post(body), ctx)).status).toBe(404);
    expect(recorded).toEqual([]);
  });

  it("refuses a missing token with 401 and a wrong one with 403", async () => {
    const { ctx, recorded } = context(TOKEN);
    const missing = await handleAnnotation(post(body, null), ctx);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await handleAnnotation(post(body, "Basic abc"), ctx)).status).toBe(401);
    expect((await handleAnnotation(post(body, `Bearer ${TOKEN}x`), ctx)).status).toBe(403);
    expect((await handleAnnotation(post(body, "Bearer ci-token"), ctx)).status).toBe(403);
    expect(recorded).toEqual([]);
  });

  it("answers 400 naming the field of a bad body", async () => {
    const { ctx, recorded } = context(TOKEN);
    const cases: [unknown, string][] = [
      [{ ...body, commit: undefined }, "commit"],
      [{ ...body, location: "  " }, "location"],
      [{ ...body, prUrl: "javascript:alert(1)" }, "prUrl"],
      [{ ...body, author: 7 }, "author"],
      [{ ...body, extra: 1 }, ""],
      [{ ...body, environment: "prd" }, "environment"],
      ["{not json", "body"],
    ];
    for (const [payload, field] of cases) {
      const res = await handleAnnotation(post(payload), ctx);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      const json = (await res.json()) as { error: string; field: string };
      if (field) {
        expect(json.field).toBe(field);
        expect(json.error.startsWith(`${field}:`)).toBe(true);
      } else expect(json.error).toContain("extra");
    }
    expect(recorded).toEqual([]);
  });
});

describe("tokenMatches", () => {
  it("matches only the exact token", () => {
    expect(tokenMatches("abc", "abc")).toBe(true);
    expect(tokenMatches("abc", "abcd")).toBe(false);
    expect(tokenMatches("", "abc")).toBe(false);
  });
});
