import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { DeployAnnotation } from "./deploy-types";

// POST /api/v1/deploys: CI says what it deployed, as Grafana annotations do.
// Framework-free so it is unit-tested without a server; the route wires it.

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const annotationBodySchema = z.strictObject({
  location: text(200),
  environment: text(100),
  commit: text(200),
  author: text(200).optional(),
  prUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2000)
    .optional(),
  message: text(2000).optional(),
});

export type AnnotationBody = z.infer<typeof annotationBodySchema>;

/** Compares digests, so neither the length nor any prefix of the token leaks through timing. */
export function tokenMatches(presented: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export interface AnnotationContext {
  /** The configured token; undefined when the endpoint is off. */
  token: string | undefined;
  /** Deployment (or environment) names the config knows. */
  environments: readonly string[];
  record: (annotation: DeployAnnotation) => Promise<void>;
  now: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

export async function handleAnnotation(
  request: Request,
  ctx: AnnotationContext,
): Promise<Response> {
  // Without a configured token the endpoint does not exist.
  if (!ctx.token) return json(404, { error: "not found" });
  const presented = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!presented)
    return json(
      401,
      { error: "a bearer token is required (Authorization: Bearer …)" },
      { "www-authenticate": 'Bearer realm="healthboard-deploys"' },
    );
  if (!tokenMatches(presented, ctx.token)) return json(403, { error: "the token is not valid" });

  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return json(400, { error: "body: must be a JSON object", field: "body" });
  }
  const parsed = annotationBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    const message =
      issue?.code === "invalid_type" && issue.input === undefined
        ? "is required"
        : (issue?.message ?? "is invalid");
    return json(400, { error: `${field}: ${message}`, field });
  }
  const body = parsed.data;
  if (!ctx.environments.includes(body.environment))
    return json(400, {
      error: `environment: names no configured deployment or environment ("${body.environment}")`,
      field: "environment",
    });
  const annotation: DeployAnnotation = {
    location: body.location,
    environment: body.environment,
    commit: body.commit,
    author: body.author ?? null,
    prUrl: body.prUrl ?? null,
    message: body.message ?? null,
    at: ctx.now,
  };
  await ctx.record(annotation);
  return json(201, { annotation });
}
