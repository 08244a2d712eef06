// `?env=` in links (docs/environments.md): a page shows one environment, and
// every link inside it, and the header's switch, keep that environment. The
// default environment is never written, so prod's URLs read as before.
// Browser-safe and pure.

import { withParam } from "@/lib/http/href-param";

/** `href` with its `env` parameter set to `env`, or removed when `env` is undefined (the default). */
export function withEnv(href: string, env: string | undefined): string {
  return withParam(href, "env", env || undefined);
}

/**
 * Where the environment switch goes: the same page with the same view (every
 * other parameter kept), in environment `next`; no `env` for the default one.
 */
export function switchHref(
  pathname: string,
  search: string,
  next: string,
  defaultEnvironment: string,
): string {
  const query = search.startsWith("?") || search === "" ? search : `?${search}`;
  return withEnv(`${pathname}${query}`, next === defaultEnvironment ? undefined : next);
}

/** The `env` a page's links carry: the environment it shows, unless that is the default. */
export function linkEnvironment(shown: string, defaultEnvironment: string): string | undefined {
  return shown === defaultEnvironment ? undefined : shown;
}
