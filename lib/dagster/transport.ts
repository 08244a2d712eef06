import "server-only";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ClientError, GraphQLClient } from "graphql-request";
import { readToken } from "@/lib/env";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { countUpstreamError, countUpstreamRequest } from "@/lib/observability/self-counters";
import type { BackoffGate } from "./backoff-gate";
import {
  DagsterBackoffError,
  DagsterError,
  DagsterGraphQLError,
  DagsterHttpError,
  DagsterNetworkError,
  DagsterPythonError,
  DagsterRedirectError,
  DagsterTimeoutError,
  ReadOnlyViolation,
} from "./errors";
import { findNonQueryOperation } from "./read-only-guard";

export { parseRetryAfter };

// The one transport to Dagster. It owns the endpoint, the auth header (the token
// is read here from the environment and goes nowhere else), the timeout, retries
// with back-off, and the mapping of failures to typed errors.

export interface DagsterTarget {
  deployment: string;
  kind: "oss" | "plus";
  graphqlUrl: string;
  /** Name of the environment variable that holds the token. */
  tokenEnv?: string;
  timeoutMs: number;
  /** Shared by every request to this deployment, so Retry-After and cool-downs hold across loops. */
  gate?: BackoffGate;
}

export interface RequestOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Injected in tests so back-off can be observed without waiting. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function headersFor(target: DagsterTarget): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": "healthboard" };
  const token = target.tokenEnv ? readToken(target.tokenEnv) : undefined;
  if (token) {
    if (target.kind === "plus") headers["Dagster-Cloud-Api-Token"] = token;
    else headers.authorization = `Bearer ${token}`;
  }
  return headers;
}

/**
 * fetch that never follows a redirect: a 3xx becomes a DagsterRedirectError
 * naming where it pointed, so no header (the token least of all) leaves for it.
 */
function noRedirectFetch(target: DagsterTarget): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, { ...init, redirect: "manual" });
    if (res.status < 300 || res.status >= 400) return res;
    await res.body?.cancel();
    const location = res.headers.get("location");
    let host: string | null = null;
    if (location) {
      try {
        host = new URL(location, target.graphqlUrl).host;
      } catch {
        host = "(invalid Location)";
      }
    }
    throw new DagsterRedirectError(target.deployment, res.status, host);
  };
}

function toDagsterError(target: DagsterTarget, err: unknown, timedOut: boolean): DagsterError {
  if (err instanceof DagsterError) return err;
  if (err instanceof ClientError) {
    const { status, errors, headers } = err.response;
    if (status < 200 || status >= 300) {
      return new DagsterHttpError(
        target.deployment,
        status,
        parseRetryAfter(headers?.get?.("retry-after") ?? null),
      );
    }
    if (errors && errors.length > 0) {
      return new DagsterGraphQLError(
        target.deployment,
        errors.map((e) => e.message),
      );
    }
  }
  if (timedOut) {
    return new DagsterTimeoutError(target.deployment, `timed out after ${target.timeoutMs} ms`);
  }
  const reason =
    err instanceof Error
      ? err.cause instanceof Error
        ? err.cause.message
        : err.message
      : String(err);
  return new DagsterNetworkError(target.deployment, `request failed: ${reason}`);
}

/** Sends one of Healthboard's own query documents and returns its typed data. */
export async function dagsterRequest<TResult, TVariables extends Record<string, unknown>>(
  target: DagsterTarget,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const refused = findNonQueryOperation(document);
  if (refused) {
    throw new ReadOnlyViolation(
      target.deployment,
      `refused to send ${refused}: Healthboard only reads`,
    );
  }
  const { maxAttempts = 3, baseDelayMs = 250, maxDelayMs = 30_000, sleep = defaultSleep } = options;
  const { gate } = target;
  const client = new GraphQLClient(target.graphqlUrl, {
    headers: headersFor(target),
    fetch: noRedirectFetch(target),
  });
  // Nothing leaves while the deployment's gate is closed: the caller keeps its last good data.
  let ticket = gate?.tryEnter();
  if (gate && !ticket) {
    throw new DagsterBackoffError(target.deployment, gate.opensAt, gate.lastReason);
  }
  try {
    for (let attempt = 1; ; attempt++) {
      // A retry waits out a closure another request caused meanwhile, if it is short.
      for (let closed = gate?.remainingMs() ?? 0; closed > 0; closed = gate?.remainingMs() ?? 0) {
        if (!gate || closed > maxDelayMs) {
          throw new DagsterBackoffError(target.deployment, gate?.opensAt ?? 0, gate?.lastReason);
        }
        await sleep(closed);
      }
      const timeout = AbortSignal.timeout(target.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      countUpstreamRequest(target.deployment, document);
      try {
        // graphql-request's overloads cannot see that TVariables fits; the cast is local.
        const data = await client.request<TResult>({ document, variables, signal } as never);
        gate?.succeeded();
        return data;
      } catch (err) {
        const error = toDagsterError(target, err, timeout.aborted);
        countUpstreamError(target.deployment, document, error);
        const retryAfter = error instanceof DagsterHttpError ? error.retryAfterMs : undefined;
        if (retryAfter !== undefined) gate?.retryAfter(retryAfter, error.message);
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        // Retry-After is a floor, never shortened: past maxDelayMs the request gives up instead.
        const delay = Math.max(backoff, retryAfter ?? 0, gate?.remainingMs() ?? 0);
        const giveUp =
          !error.retryable ||
          error instanceof DagsterTimeoutError || // still running upstream: not sent twice
          attempt >= maxAttempts ||
          options.signal?.aborted ||
          delay > maxDelayMs;
        // With a gate, only its probe retries once it is recovering (see retryTicket).
        const retryAs = giveUp || !gate || !ticket ? null : gate.retryTicket(ticket);
        if (giveUp || (gate && !retryAs)) {
          if (ticket && error.retryable) gate?.failed(ticket, error.message);
          else if (!error.retryable) gate?.succeeded(); // it answered: reachable, whatever it said
          throw error;
        }
        if (ticket && retryAs && retryAs !== ticket) {
          gate?.release(ticket);
          ticket = retryAs;
        }
        await sleep(delay);
      }
    }
  } finally {
    if (ticket) gate?.release(ticket);
  }
}

/** Narrows an `…OrError` union: returns the expected member or throws a typed error. */
export function expectMember<T extends { __typename: string }, K extends T["__typename"]>(
  deployment: string,
  value: T,
  typename: K,
): Extract<T, { __typename: K }> {
  if (value.__typename === typename) return value as Extract<T, { __typename: K }>;
  const detail = value as { message?: unknown; className?: unknown };
  throw new DagsterPythonError(
    deployment,
    typeof detail.message === "string" ? detail.message : `unexpected ${value.__typename}`,
    typeof detail.className === "string" ? detail.className : value.__typename,
  );
}
