// Typed errors for everything that can go wrong between Healthboard and a
// Dagster GraphQL endpoint. Panels show `message`; `retryable` drives back-off.

export class DagsterError extends Error {
  readonly retryable: boolean = false;
  constructor(
    readonly deployment: string,
    message: string,
  ) {
    super(`${deployment}: ${message}`);
    this.name = new.target.name;
  }
}

/** A non-2xx HTTP answer. 429 and 5xx are retried; Retry-After is kept in ms. */
export class DagsterHttpError extends DagsterError {
  override readonly retryable: boolean;
  constructor(
    deployment: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(deployment, `Dagster answered HTTP ${status}`);
    this.retryable = status === 429 || status >= 500;
  }
}

/**
 * A 3xx answer. Never followed: fetch strips only `Authorization` on a
 * cross-origin redirect, so `Dagster-Cloud-Api-Token` would go along to the
 * Location host. Not retried; the fix is the configured URL.
 */
export class DagsterRedirectError extends DagsterError {
  constructor(
    deployment: string,
    readonly status: number,
    /** Host (and port) of the Location header; null when there was none. */
    readonly locationHost: string | null,
  ) {
    super(
      deployment,
      `Dagster answered HTTP ${status} redirecting to ${locationHost ?? "(no Location)"}; ` +
        "redirects are not followed so the token stays with the configured host: configure the final URL",
    );
  }
}

/** No usable answer: connection refused or reset, timeout, or a body that is not GraphQL JSON. */
export class DagsterNetworkError extends DagsterError {
  override readonly retryable = true;
}

/**
 * No answer within the request timeout. It still closes the back-off gate
 * (retryable), but the transport does not send it again: Dagster goes on
 * computing a query its client abandoned (bench/abandoned-queries.mjs: about
 * as much CPU as a completed one), so a second copy is more work on top for
 * the Dagster that was too slow to answer.
 */
export class DagsterTimeoutError extends DagsterNetworkError {}

/**
 * Not sent: the deployment's back-off gate is closed (Retry-After, or a
 * cool-down after repeated failures). The message names the time it opens,
 * not a countdown, so it stays the same for the whole pause.
 */
export class DagsterBackoffError extends DagsterError {
  constructor(
    deployment: string,
    readonly until: number,
    reason = "",
  ) {
    const why = reason.startsWith(`${deployment}: `) ? reason.slice(deployment.length + 2) : reason;
    const at = new Date(Math.ceil(until / 1000) * 1000).toISOString().slice(11, 19);
    super(deployment, `backing off until ${at} UTC${why ? ` after: ${why}` : ""}`);
  }
}

/** The response carried GraphQL `errors` (a bad document or a server-side failure). */
export class DagsterGraphQLError extends DagsterError {
  constructor(
    deployment: string,
    readonly messages: string[],
  ) {
    super(deployment, `GraphQL error: ${messages.join("; ")}`);
  }
}

/** An `…OrError` field resolved to a PythonError (or another error member of the union). */
export class DagsterPythonError extends DagsterError {
  constructor(
    deployment: string,
    readonly pythonMessage: string,
    readonly className?: string | null,
  ) {
    super(deployment, pythonMessage);
  }
}

/** Healthboard only reads: a document with a mutation or subscription is refused before it leaves. */
export class ReadOnlyViolation extends DagsterError {}
