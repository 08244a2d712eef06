import "server-only";
import { notFound } from "next/navigation";
import { environmentNames, resolveEnvironment } from "./environments";
import { knownDeployments } from "./known-deployments";

// `?env=` on pages and API routes: one environment at a time, prod by default.
// Always resolved to a name, so "no env" and "env=prod" share one snapshot.

/** The environment an API request names (or the default); an unknown name is a 400 that lists the known ones. */
export function environmentParam(
  url: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const raw = new URL(url).searchParams.get("env");
  const deployments = knownDeployments();
  const env = resolveEnvironment(deployments, raw);
  if (env !== null) return { ok: true, value: env };
  const known = environmentNames(deployments).join(", ");
  return { ok: false, message: `env: unknown environment (known: ${known})` };
}

/** The environment a page's `?env=` names (or the default); an unknown one is a 404. */
export function pageEnvironment(raw: string | string[] | undefined): string {
  const env = resolveEnvironment(knownDeployments(), typeof raw === "string" ? raw : null);
  if (env === null) notFound();
  return env;
}

/** The default environment (prod, else the first one). */
export function defaultEnvironment(): string {
  return resolveEnvironment(knownDeployments(), null) ?? "prod";
}
