import { parse } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import {
  json,
  type ScriptedServer,
  startScriptedServer,
  text,
} from "@/lib/testing/scripted-server";
import { BackoffGate } from "./backoff-gate";
import {
  DagsterGraphQLError,
  DagsterHttpError,
  DagsterNetworkError,
  DagsterPythonError,
  DagsterRedirectError,
  DagsterTimeoutError,
  ReadOnlyViolation,
} from "./errors";
import { CodeLocationStatusesDocument } from "./generated/graphql";
import { type DagsterTarget, dagsterRequest, expectMember, parseRetryAfter } from "./transport";

const OK = {
  data: {
    locationStatusesOrError: { __typename: "WorkspaceLocationStatusEntries", entries: [] },
  },
};

let server: ScriptedServer | undefined;
let elsewhere: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  await elsewhere?.close();
  server = undefined;
  elsewhere = undefined;
});

function target(url: string, extra: Partial<DagsterTarget> = {}): DagsterTarget {
  return { deployment: "prod", kind: "oss", graphqlUrl: url, timeoutMs: 2_000, ...extra };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("dagsterRequest", () => {
  it("returns typed data from a real HTTP answer", async () => {
    server = await startScriptedServer([json(OK)]);
    const data = await dagsterRequest(target(server.url), CodeLocationStatusesDocument, {});
    expect(data.locationStatusesOrError.__typename).toBe("WorkspaceLocationStatusEntries");
    expect(server.requests[0]?.body.query).toContain("query CodeLocationStatuses");
  });

  it("honours Retry-After on 429 and then succeeds", async () => {
    server = await startScriptedServer([json({}, 429, { "retry-after": "7" }), json(OK)]);
    const { waits, sleep } = recordingSleep();
    await dagsterRequest(target(server.url), CodeLocationStatusesDocument, {}, { sleep });
    expect(waits).toEqual([7_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("backs off exponentially on 5xx and gives up after maxAttempts", async () => {
    server = await startScriptedServer([text("bad", 502), text("bad", 503), text("bad", 500)]);
    const { waits, sleep } = recordingSleep();
    const err = await dagsterRequest(
      target(server.url),
      CodeLocationStatusesDocument,
      {},
      {
        sleep,
        baseDelayMs: 100,
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DagsterHttpError);
    expect((err as DagsterHttpError).status).toBe(500);
    expect(waits).toEqual([100, 200]);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a 4xx other than 429", async () => {
    server = await startScriptedServer([json({ message: "forbidden" }, 403), json(OK)]);
    const err = await dagsterRequest(target(server.url), CodeLocationStatusesDocument, {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DagsterHttpError);
    expect((err as DagsterHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("turns GraphQL errors into DagsterGraphQLError without retrying", async () => {
    server = await startScriptedServer([json({ errors: [{ message: "Cannot query field x" }] })]);
    const err = await dagsterRequest(target(server.url), CodeLocationStatusesDocument, {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DagsterGraphQLError);
    expect((err as DagsterGraphQLError).messages).toEqual(["Cannot query field x"]);
    expect(server.requests).toHaveLength(1);
  });

  it("treats malformed JSON as a retryable network error", async () => {
    const garbage = text('{"data": {"locationStatus', 200, { "content-type": "application/json" });
    server = await startScriptedServer([garbage, garbage]);
    const { sleep } = recordingSleep();
    const err = await dagsterRequest(
      target(server.url),
      CodeLocationStatusesDocument,
      {},
      {
        sleep,
        maxAttempts: 2,
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DagsterNetworkError);
    expect(server.requests).toHaveLength(2);
  });

  it("times out a slow server", async () => {
    server = await startScriptedServer([(_req, res) => setTimeout(() => res.end("{}"), 1_000)]);
    const err = await dagsterRequest(
      target(server.url, { timeoutMs: 100 }),
      CodeLocationStatusesDocument,
      {},
      { maxAttempts: 1 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DagsterNetworkError);
    expect((err as Error).message).toMatch(/timed out after 100 ms/);
  });

  it("does not send a timed-out query again, and closes the gate", async () => {
    // Dagster computes an abandoned query in full (bench/abandoned-queries.mjs):
    // a second copy would run beside the first.
    const slow = (_req: unknown, res: { end: (b: string) => void }) =>
      setTimeout(() => res.end(JSON.stringify(OK)), 500);
    server = await startScriptedServer([slow, slow, slow]);
    const gate = new BackoffGate();
    const { sleep } = recordingSleep();
    const err = await dagsterRequest(
      target(server.url, { timeoutMs: 100, gate }),
      CodeLocationStatusesDocument,
      {},
      { sleep, maxAttempts: 3 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DagsterTimeoutError);
    expect(server.requests).toHaveLength(1);
    expect(gate.remainingMs()).toBeGreaterThan(0);
    expect(gate.lastReason).toMatch(/timed out after 100 ms/);
  });

  it("still retries other network errors, a refused connection among them", async () => {
    const { waits, sleep } = recordingSleep();
    const err = await dagsterRequest(
      target("http://127.0.0.1:9/graphql"),
      CodeLocationStatusesDocument,
      {},
      { sleep, maxAttempts: 2 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DagsterNetworkError);
    expect(err).not.toBeInstanceOf(DagsterTimeoutError);
    expect(waits).toEqual([250]);
  });

  it("reports a refused connection as a network error", async () => {
    const err = await dagsterRequest(
      target("http://127.0.0.1:9/graphql"),
      CodeLocationStatusesDocument,
      {},
      { maxAttempts: 1 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DagsterNetworkError);
  });

  it("refuses a mutation before anything is sent", async () => {
    server = await startScriptedServer([json(OK)]);
    const mutation = parse("mutation Wipe { wipeAssets(assetPartitionRanges: []) { __typename } }");
    const err = await dagsterRequest(target(server.url), mutation as never, {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReadOnlyViolation);
    const sub = parse(
      "query Q { version } subscription S { locationStateChangeEvents { __typename } }",
    );
    await expect(dagsterRequest(target(server.url), sub as never, {})).rejects.toBeInstanceOf(
      ReadOnlyViolation,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("sends the Dagster+ token header from the named environment variable", async () => {
    server = await startScriptedServer([json(OK)]);
    process.env.HB_TEST_TOKEN = "secret-token-123";
    try {
      await dagsterRequest(
        target(server.url, { kind: "plus", tokenEnv: "HB_TEST_TOKEN" }),
        CodeLocationStatusesDocument,
        {},
      );
    } finally {
      delete process.env.HB_TEST_TOKEN;
    }
    expect(server.requests[0]?.headers["dagster-cloud-api-token"]).toBe("secret-token-123");
  });
});

describe("dagsterRequest and redirects", () => {
  // 127.0.0.1 → localhost is a cross-origin redirect, the case fetch would
  // follow while stripping only Authorization.
  async function redirectingPair(status: number) {
    elsewhere = await startScriptedServer([], json(OK));
    const to = elsewhere.url.replace("127.0.0.1", "localhost");
    server = await startScriptedServer([], (_req, res) => {
      res.writeHead(status, { location: to }).end();
    });
    return new URL(to).host;
  }

  it.each([301, 302, 307, 308])(
    "refuses a %i redirect with a typed error and the token never reaches the other host",
    async (status) => {
      const host = await redirectingPair(status);
      process.env.HB_TEST_TOKEN = "secret-token-123";
      const err = await dagsterRequest(
        target((server as ScriptedServer).url, { kind: "plus", tokenEnv: "HB_TEST_TOKEN" }),
        CodeLocationStatusesDocument,
        {},
        { sleep: async () => {} },
      )
        .catch((e: unknown) => e)
        .finally(() => delete process.env.HB_TEST_TOKEN);
      expect(err).toBeInstanceOf(DagsterRedirectError);
      expect((err as DagsterRedirectError).locationHost).toBe(host);
      expect((err as Error).message).toContain(host);
      expect((err as DagsterRedirectError).retryable).toBe(false);
      expect(server?.requests).toHaveLength(1);
      expect(server?.requests[0]?.headers["dagster-cloud-api-token"]).toBe("secret-token-123");
      expect(elsewhere?.requests).toHaveLength(0);
    },
  );
});

describe("expectMember", () => {
  it("returns the expected union member", () => {
    const value = { __typename: "Workspace" as const, id: "w" };
    expect(expectMember("prod", value, "Workspace")).toBe(value);
  });

  it("throws DagsterPythonError with the message of a PythonError", () => {
    const value = { __typename: "PythonError", message: "boom", className: "DagsterError" } as
      | { __typename: "PythonError"; message: string; className: string }
      | { __typename: "Workspace"; id: string };
    expect(() => expectMember("prod", value, "Workspace")).toThrow(DagsterPythonError);
    expect(() => expectMember("prod", value, "Workspace")).toThrow(/boom/);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(
      parseRetryAfter("Fri, 27 Nov 2026 10:00:10 GMT", Date.parse("2026-11-27T10:00:00Z")),
    ).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
