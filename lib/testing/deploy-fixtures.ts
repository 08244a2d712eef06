import type { DeployAnnotation, DeployEvent } from "@/lib/deploys/deploy-types";

/** A recorded event of prod/analytics; the fingerprint doubles as the version; deploy_failed carries an error. */
export const deployEvent = (
  kind: DeployEvent["kind"],
  at: number,
  fingerprint: string | null,
): DeployEvent => ({
  deployment: "prod",
  location: "analytics",
  kind,
  versionKey: `k${at}`,
  fingerprint,
  version: fingerprint,
  failed: kind === "deploy_failed",
  error: kind === "deploy_failed" ? "ImportError: boom" : null,
  at,
});

/** A CI annotation for prod/analytics. */
export const annotation = (
  commit: string,
  at: number,
  over: Partial<DeployAnnotation> = {},
): DeployAnnotation => ({
  environment: "prod",
  location: "analytics",
  commit,
  author: "alice",
  prUrl: null,
  message: null,
  at,
  ...over,
});

/** A loaded prod location with no assets of its own listed (graph-driven tests). */
export const loadedLocation = (name: string, at: number) => ({
  deployment: "prod",
  name,
  status: "loaded" as const,
  error: null,
  versionKey: "k",
  updatedAt: at,
  repositories: [],
  assets: [],
});
