import { describe, expect, it } from "vitest";
import {
  json,
  type ScriptedServer,
  startScriptedServer,
  text,
} from "@/lib/testing/scripted-server";
import { BackoffGate, type GateTicket } from "./backoff-gate";
import { DagsterBackoffError, DagsterHttpError, DagsterNetworkError } from "./errors";
import { CodeLocationStatusesDocument } from "./generated/graphql";
import { type DagsterTarget, dagsterRequest } from "./transport";

const OK = {
  data: {
    locationStatusesOrError: { __typename: "WorkspaceLocationStatusEntries", entries: [] },
  },
};

/** A clock that only moves when the transport sleeps, so waits are exact. */
function fakeTime(start = Date.parse("2026-11-27T10:00:00Z")) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    waits,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

function enter(gate: BackoffGate): GateTicket {
  const ticket = gate.tryEnter();
  if (!ticket) throw new Error("gate unexpectedly closed");
  return ticket;
}

describe("BackoffGate", () => {
  it("stays closed for the whole Retry-After, even past the cool-down cap", () => {
    const t = fakeTime();
    const gate = new BackoffGate({ maxMs: 5_000, now: t.now });
    gate.retryAfter(120_000, "prod: Dagster answered HTTP 429");
    t.advance(119_000);
    expect(gate.remainingMs()).toBe(1_000);
    t.advance(1_000);
    expect(gate.remainingMs()).toBe(0);
  });

  it("doubles the cool-down per failure up to the cap, and one success resets it", () => {
    const t = fakeTime();
    const gate = new BackoffGate({ baseMs: 1_000, maxMs: 4_000, now: t.now });
    const coolDowns: number[] = [];
    for (let i = 0; i < 4; i++) {
      const ticket = enter(gate);
      gate.failed(ticket, "reset");
      gate.release(ticket);
      coolDowns.push(gate.remainingMs());
      t.advance(gate.remainingMs());
    }
    expect(coolDowns).toEqual([1_000, 2_000, 4_000, 4_000]);
    gate.succeeded();
    gate.failed(enter(gate), "reset");
    expect(gate.remainingMs()).toBe(1_000);
  });

  it("counts loops that failed together once", () => {
    const t = fakeTime();
    const gate = new BackoffGate({ baseMs: 1_000, now: t.now });
    const [a, b, c] = [enter(gate), enter(gate), enter(gate)];
    gate.failed(a, "503");
    gate.failed(b, "503");
    gate.failed(c, "503");
    expect(gate.remainingMs()).toBe(1_000);
  });

  it("lets one probe out when it opens, and everyone once the probe succeeds", () => {
    const t = fakeTime();
    const gate = new BackoffGate({ baseMs: 1_000, now: t.now });
    gate.failed(enter(gate), "503");
    expect(gate.tryEnter()).toBeNull();
    t.advance(1_000);
    const probe = enter(gate);
    expect(probe.probe).toBe(true);
    expect(gate.tryEnter()).toBeNull(); // waits for the probe's verdict
    gate.succeeded();
    gate.release(probe);
    expect(gate.tryEnter()).toMatchObject({ probe: false });
    expect(gate.tryEnter()).toMatchObject({ probe: false });
  });

  it("lets only one of the requests that were in flight together retry", () => {
    const t = fakeTime();
    const gate = new BackoffGate({ now: t.now });
    const [a, b, c] = [enter(gate), enter(gate), enter(gate)];
    gate.retryAfter(3_000, "429");
    const retries = [a, b, c].map((ticket) => gate.retryTicket(ticket));
    expect(retries.map((r) => r?.probe ?? null)).toEqual([true, null, null]);
  });

  it("closes again, for longer, when the probe fails", () => {
    const t = fakeTime();
    const gate = new BackoffGate({ baseMs: 1_000, now: t.now });
    gate.failed(enter(gate), "503");
    t.advance(1_000);
    const probe = enter(gate);
    gate.failed(probe, "503");
    gate.release(probe);
    expect(gate.remainingMs()).toBe(2_000);
  });
});

describe("dagsterRequest with a gate", () => {
  let server: ScriptedServer | undefined;
  const target = (url: string, gate: BackoffGate): DagsterTarget => ({
    deployment: "prod",
    kind: "oss",
    graphqlUrl: url,
    timeoutMs: 2_000,
    gate,
  });

  it("sends nothing while another request's Retry-After runs, and says until when", async () => {
    server = await startScriptedServer([json({}, 429, { "retry-after": "60" })], json(OK));
    const t = fakeTime();
    const gate = new BackoffGate({ now: t.now });
    const first = await dagsterRequest(
      target(server.url, gate),
      CodeLocationStatusesDocument,
      {},
      { sleep: t.sleep, maxDelayMs: 30_000 },
    ).catch((e: unknown) => e);
    // 60 s is past maxDelayMs: the request gives up rather than retry early.
    expect(first).toBeInstanceOf(DagsterHttpError);
    expect(t.waits).toEqual([]);
    t.advance(59_000);
    const second = await dagsterRequest(target(server.url, gate), CodeLocationStatusesDocument, {})
      .then(() => null)
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DagsterBackoffError);
    expect((second as Error).message).toBe(
      "prod: backing off until 10:01:00 UTC after: Dagster answered HTTP 429",
    );
    expect(server.requests).toHaveLength(1);
    t.advance(1_000);
    await dagsterRequest(target(server.url, gate), CodeLocationStatusesDocument, {});
    expect(server.requests).toHaveLength(2);
    await server.close();
  });

  it("waits a short Retry-After inside the request, then succeeds", async () => {
    server = await startScriptedServer([json({}, 429, { "retry-after": "2" }), json(OK)]);
    const t = fakeTime();
    const gate = new BackoffGate({ now: t.now });
    await dagsterRequest(target(server.url, gate), CodeLocationStatusesDocument, {}, t);
    expect(t.waits).toEqual([2_000]);
    expect(server.requests).toHaveLength(2);
    await server.close();
  });

  it("cools down after a request exhausts its retries, then lets one through", async () => {
    const garbage = text("<html>bad gateway</html>", 502);
    server = await startScriptedServer([garbage, garbage], json(OK));
    const t = fakeTime();
    const gate = new BackoffGate({ baseMs: 1_000, now: t.now });
    const opts = { sleep: t.sleep, maxAttempts: 2, baseDelayMs: 100 };
    await expect(
      dagsterRequest(target(server.url, gate), CodeLocationStatusesDocument, {}, opts),
    ).rejects.toBeInstanceOf(DagsterHttpError);
    await expect(
      dagsterRequest(target(server.url, gate), CodeLocationStatusesDocument, {}, opts),
    ).rejects.toBeInstanceOf(DagsterBackoffError);
    expect(server.requests).toHaveLength(2);
    t.advance(1_000);
    await dagsterRequest(target(server.url, gate), CodeLocationStatusesDocument, {}, opts);
    expect(server.requests).toHaveLength(3);
    await server.close();
  });

  it("does not cool down for an answer that is not an overload", async () => {
    const gate = new BackoffGate();
    await expect(
      dagsterRequest(
        target("http://127.0.0.1:9/graphql", gate),
        CodeLocationStatusesDocument,
        {},
        { maxAttempts: 1 },
      ),
    ).rejects.toBeInstanceOf(DagsterNetworkError);
    expect(gate.remainingMs()).toBeGreaterThan(0); // refused connection: cool down
    server = await startScriptedServer([json({ errors: [{ message: "bad field" }] })]);
    const calm = new BackoffGate();
    await dagsterRequest(target(server.url, calm), CodeLocationStatusesDocument, {}).catch(
      () => undefined,
    );
    expect(calm.remainingMs()).toBe(0);
    await server.close();
  });
});
